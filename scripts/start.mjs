// `pnpm start`: build the web app and the server when their sources are newer than the builds,
// then run Koers.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { ensureServerBuild, serverEntry } from './serverBuild.mjs'
import { ensureWebBuild } from './webBuild.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
try {
  ensureWebBuild()
} catch (error) {
  console.error(error.message)
  process.exit(1)
}
await ensureServerBuild()
const server = spawn(process.execPath, ['--enable-source-maps', serverEntry], {
  cwd: root,
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
