// The server as one bundle (server/dist/main.mjs), built by esbuild from server/src and the
// workspace packages. Starting it costs less than half the CPU of running the TypeScript
// through tsx, which each server start in the tests paid again (docs/decisions/004).
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { newestMtime } from './newestMtime.mjs'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
export const serverDist = join(root, 'server/dist')
export const serverEntry = join(serverDist, 'main.mjs')

const sources = [
  'server/src',
  'packages/doc-model/src',
  'packages/protocol/src',
  'packages/export/src',
  'pnpm-lock.yaml',
  'scripts/serverBuild.mjs',
]

export function serverBuildIsStale() {
  if (!existsSync(serverEntry)) return true
  const built = statSync(serverEntry).mtimeMs
  return sources.some((source) => newestMtime(join(root, source)) > built)
}

/**
 * Packages stay outside the bundle (native better-sqlite3, pdfmake's fonts), imported by the
 * absolute path esbuild resolves them to from the file that imports them: pnpm gives each
 * workspace package its own node_modules, so `lexorank` is found from packages/doc-model but not
 * from server/dist. The bundle therefore belongs to this checkout and is rebuilt, not copied.
 */
const packagesByResolvedPath = {
  name: 'packages-by-resolved-path',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'resolving' || args.path.startsWith('@koers/')) return undefined
      const resolved = await pluginBuild.resolve(args.path, {
        resolveDir: args.resolveDir,
        kind: args.kind,
        pluginData: 'resolving',
      })
      if (resolved.errors.length > 0) return { errors: resolved.errors }
      return { path: resolved.path, external: true }
    })
  },
}

export async function buildServer() {
  await build({
    absWorkingDir: root,
    // The export worker is loaded by exportPool.ts as ./exportWorkerBootstrap.mjs next to it.
    entryPoints: {
      main: 'server/src/main.ts',
      exportWorkerBootstrap: 'server/src/export/exportWorker.ts',
    },
    outdir: serverDist,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    plugins: [packagesByResolvedPath],
    logLevel: 'warning',
  })
}

let pending

/**
 * Builds server/dist when it is missing or older than a source it is built from; once per
 * process, so callers that start together never write the same files at once.
 */
export function ensureServerBuild() {
  pending ??= serverBuildIsStale() ? buildServer() : Promise.resolve()
  return pending
}

// `node scripts/serverBuild.mjs` (`pnpm build`): build now, stale or not.
if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer()
