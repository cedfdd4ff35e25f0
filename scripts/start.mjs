// `pnpm start`: build the web app and the server when their sources are newer than the builds,
// then run Koers.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { newestMtime } from './newestMtime.mjs'
import { ensureServerBuild, serverEntry } from './serverBuild.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const webDist = join(root, 'apps/web/dist/index.html')
const webSources = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'packages/doc-model/src',
  'packages/protocol/src',
]

function webBuildIsStale() {
  if (!existsSync(webDist)) return true
  const built = statSync(webDist).mtimeMs
  return webSources.some((source) => newestMtime(join(root, source)) > built)
}

if (webBuildIsStale()) {
  console.log('Building the web app…')
  const vite = join(root, 'apps/web/node_modules/vite/bin/vite.js')
  const build = spawnSync(process.execPath, [vite, 'build'], {
    cwd: join(root, 'apps/web'),
    stdio: 'inherit',
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

await ensureServerBuild()
const server = spawn(process.execPath, ['--enable-source-maps', serverEntry], {
  cwd: root,
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
