/** Minimal structured logger; never called per message on the hot path. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

const write =
  (level: string) =>
  (message: string, fields?: Record<string, unknown>): void => {
    const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...fields })
    if (level === 'info') process.stdout.write(`${line}\n`)
    else process.stderr.write(`${line}\n`)
  }

export const consoleLogger: Logger = {
  info: write('info'),
  warn: write('warn'),
  error: write('error'),
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }

export const errorFields = (error: unknown): Record<string, unknown> =>
  error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) }
