import { networkInterfaces } from 'node:os'
import { ConfigError, loadConfig, type ServerConfig } from './config.ts'
import { startServer } from './index.ts'
import { consoleLogger, errorFields } from './log.ts'
import { startupWarnings } from './startupWarnings.ts'

/** Where phones and laptops in the room can reach this machine when it listens on every interface. */
const roomAddresses = (config: ServerConfig, port: number): string[] => {
  if (config.publicUrl) return [config.publicUrl]
  if (config.host !== '0.0.0.0' && config.host !== '::') return []
  return Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((address) => address.family === 'IPv4' && !address.internal)
    .map((address) => `http://${address.address}:${port}`)
}

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
  for (const warning of startupWarnings(config)) consoleLogger.warn(warning)
  if (
    config.protection.maxConnections !== null &&
    server.maxConnections < config.protection.maxConnections
  ) {
    consoleLogger.warn('KOERS_MAX_CONNECTIONS lowered to fit the open-file limit', {
      maxConnections: server.maxConnections,
    })
  }
  process.stdout.write(`Koers is running at ${server.url}\n`)
  process.stdout.write(
    `  memory budget for open documents: ${Math.round(config.memoryBudgetBytes / 2 ** 20)} MB` +
      ' (KOERS_MEMORY_BUDGET_MB)\n',
  )
  for (const address of roomAddresses(config, server.port)) {
    process.stdout.write(`  other devices on this network: ${address}\n`)
  }

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
  // A bug in one request must not end every study day on this server: log it and go on.
  process.on('unhandledRejection', (reason) => {
    consoleLogger.error('unhandled rejection', errorFields(reason))
  })
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

run().catch((error: unknown) => {
  consoleLogger.error('Koers failed to start', errorFields(error))
  process.exit(1)
})
