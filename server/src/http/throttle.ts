import { appErrorBody } from '@koers/protocol'
import type { MiddlewareHandler } from 'hono'
import { MemoryStore, rateLimiter } from 'hono-rate-limiter'
import { addressKey, clientAddress } from './clientAddress.ts'

export interface Throttle {
  middleware: MiddlewareHandler
  /** Stops the store's window timer. */
  close(): void
}

/**
 * SEC-2: at most `limit` requests per client address (SEC-1) per window; the next ones get
 * 429 `rate_limited` with `Retry-After` (seconds until the address's window ends). Addresses
 * live in memory only, for at most two windows.
 */
export const createThrottle = (options: {
  /** What is counted, for the error message: "joins", "new workspaces". */
  what: string
  limit: number
  windowMs: number
  trustProxy: boolean
}): Throttle => {
  const store = new MemoryStore()
  const middleware = rateLimiter({
    windowMs: options.windowMs,
    limit: options.limit,
    store,
    // draft-6 RateLimit-* headers on every answer, and Retry-After on a 429.
    standardHeaders: 'draft-6',
    keyGenerator: (c) => addressKey(clientAddress(c, options.trustProxy)),
    handler: (c) =>
      c.json(
        appErrorBody('rate_limited', `Too many ${options.what} from this address; try again later`),
        429,
      ),
  })
  return { middleware, close: () => store.shutdown() }
}
