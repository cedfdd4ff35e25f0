import { onTestFinished } from 'vitest'
import { makeDataDir, removeDataDir, spawnServer, type ServerHandle } from './spawnServer.ts'

export interface TestServerOptions {
  env?: Record<string, string>
  dataDir?: string
}

/** A fresh data directory removed when the current test finishes (after its servers stop). */
export async function testDataDir(): Promise<string> {
  const dir = await makeDataDir()
  onTestFinished(() => removeDataDir(dir))
  return dir
}

/**
 * Spawns a server for the current test and stops it when the test finishes. Test-finished hooks
 * run in reverse order, so servers stop before their data directory is removed.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<ServerHandle> {
  const dataDir = options.dataDir ?? (await testDataDir())
  const server = await spawnServer({ ...options, dataDir })
  onTestFinished(() => server.stop())
  return server
}
