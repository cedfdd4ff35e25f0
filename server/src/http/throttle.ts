import { appErrorBody } from '@koers/protocol'
import type { Context, MiddlewareHandler } from 'hono'
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
  /** Count only answers of 400 and above (PERM-14: wrong codes, not joins that worked). */
  onlyFailures?: boolean
  /** Count only the requests this says yes to (the others pass untouched). */
  appliesTo?: (c: Context) => Promise<boolean>
}): Throttle => {
  const store = new MemoryStore()
  const middleware = rateLimiter({
    windowMs: options.windowMs,
    limit: options.limit,
    store,
    // draft-6 RateLimit-* headers on every answer, and Retry-After on a 429.
    standardHeaders: 'draft-6',
    keyGenerator: (c) => addressKey(clientAddress(c, options.trustProxy)),
    skipSuccessfulRequests: options.onlyFailures ?? false,
    requestWasSuccessful: (c) => c.res.status < 400,
    ...(options.appliesTo ? { skip: async (c: Context) => !(await options.appliesTo!(c)) } : {}),
    handler: (c) =>
      c.json(
        appErrorBody('rate_limited', `Too many ${options.what} from this address; try again later`),
        429,
      ),
  })
  return { middleware, close: () => store.shutdown() }
}
