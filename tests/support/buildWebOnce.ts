import { ensureWebBuild } from './webBuild.ts'

/**
 * Global setup of the browser project: one web build before any browser test file starts, so
 * files that run at the same time never build into the same folder at once.
 */
export default function buildWebOnce(): void {
  ensureWebBuild()
}
