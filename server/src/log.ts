import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino'

/** Structured logger; never called per message on the hot path, never given a secret or text. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
  /** The same logger with fields on every line (a request id, a workspace id). */
  child(fields: Record<string, unknown>): Logger
}

/**
 * Field names that could carry a secret: redacted wherever they appear, as a second line of
 * defence (SEC-10). Nothing logs document content or display names.
 */
const REDACTED = [
  'key',
  'ticket',
  'token',
  'cookie',
  'authorization',
  'password',
  '*.key',
  '*.ticket',
  '*.token',
  '*.cookie',
  '*.authorization',
]

const wrap = (base: PinoLogger): Logger => ({
  info: (message, fields) => base.info(fields ?? {}, message),
  warn: (message, fields) => base.warn(fields ?? {}, message),
  error: (message, fields) => base.error(fields ?? {}, message),
  child: (fields) => wrap(base.child(fields)),
})

/** JSON lines on stdout (pino): `{"level":"info","time":"…","message":"…",…}`. */
export const createLogger = (destination: DestinationStream = pino.destination(1)): Logger =>
  wrap(
    pino(
      {
        base: undefined,
        messageKey: 'message',
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        redact: { paths: REDACTED, censor: '[redacted]' },
      },
      destination,
    ),
  )

export const consoleLogger: Logger = createLogger()

export const silentLogger: Logger = {
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
}

export const errorFields = (error: unknown): Record<string, unknown> =>
  error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) }
