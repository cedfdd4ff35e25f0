import { ensureServerBuild } from '../../scripts/serverBuild.mjs'

/**
 * Global setup of the projects that start servers: one server build before any test file starts,
 * so files that run at the same time never build into the same folder at once.
 */
export default async function buildServerOnce(): Promise<void> {
  await ensureServerBuild()
}
