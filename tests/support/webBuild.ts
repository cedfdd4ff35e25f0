import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { newestMtime } from '../../scripts/newestMtime.mjs'
import { repoRoot } from './spawnServer.ts'

export const webDist = join(repoRoot, 'apps/web/dist')

/** Builds apps/web when dist/index.html is missing or older than the newest source file. */
export function ensureWebBuild(): void {
  const index = join(webDist, 'index.html')
  const sources = [
    join(repoRoot, 'apps/web/src'),
    join(repoRoot, 'apps/web/index.html'),
    join(repoRoot, 'apps/web/vite.config.ts'),
    join(repoRoot, 'packages/doc-model/src'),
    join(repoRoot, 'packages/protocol/src'),
  ]
  const newestSource = Math.max(...sources.filter((d) => existsSync(d)).map(newestMtime))
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource) return
  execFileSync('pnpm', ['--filter', '@koers/web', 'build'], { cwd: repoRoot, stdio: 'inherit' })
}
