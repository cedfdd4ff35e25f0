import { ConfigError, loadConfig } from './config.ts'
import { startServer } from './index.ts'
import { consoleLogger, errorFields } from './log.ts'

const run = async (): Promise<void> => {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Koers: ${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
  const server = await startServer(config, { log: consoleLogger })
  process.stdout.write(`Koers is running at ${server.url}\n`)

  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    consoleLogger.info('shutting down', { signal })
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        consoleLogger.error('shutdown failed', errorFields(error))
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

run().catch((error: unknown) => {
  consoleLogger.error('Koers failed to start', errorFields(error))
  process.exit(1)
})
