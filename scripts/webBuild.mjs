// The web app's production build (apps/web/dist), shared by `pnpm start` and the tests, so both
// serve what a school gets.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { newestMtime } from './newestMtime.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
export const webDist = join(root, 'apps/web/dist')

const sources = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'packages/doc-model/src',
  'packages/protocol/src',
]

/**
 * React's development build in dist (its JSX runtime is `jsxDEV`): what a build run with
 * NODE_ENV=test or development gives, as a build started from inside Vitest once did.
 */
export function isDevelopmentBuild() {
  const assets = join(webDist, 'assets')
  if (!existsSync(assets)) return false
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .some((name) => readFileSync(join(assets, name), 'latin1').includes('jsxDEV'))
}

export function webBuildIsStale() {
  const index = join(webDist, 'index.html')
  if (!existsSync(index)) return true
  const built = statSync(index).mtimeMs
  return sources.some((source) => newestMtime(join(root, source)) > built) || isDevelopmentBuild()
}

/** Builds apps/web for production when dist is missing, older than its sources, or not production. */
export function ensureWebBuild() {
  if (!webBuildIsStale()) return
  console.log('Building the web app…')
  const vite = join(root, 'apps/web/node_modules/vite/bin/vite.js')
  // NODE_ENV decides React's build; the caller's (Vitest sets `test`) must not leak into it.
  const build = spawnSync(process.execPath, [vite, 'build'], {
    cwd: join(root, 'apps/web'),
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  })
  if (build.status !== 0) throw new Error(`the web build failed (exit ${build.status})`)
}
