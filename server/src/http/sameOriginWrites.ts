import { appErrorBody, SESSION_COOKIE } from '@koers/protocol'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { ServerConfig } from '../config.ts'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Whether `origin` is this instance: KOERS_PUBLIC_URL (or an allowed origin), else the Host. */
const isOwnOrigin = (origin: string, c: Context, config: ServerConfig): boolean => {
  if (config.publicUrl) return origin === config.publicUrl || config.allowedOrigins.includes(origin)
  try {
    // No public URL: TLS may end at a proxy, so only the host is compared.
    return new URL(origin).host === c.req.header('host')
  } catch {
    return false
  }
}

/**
 * SEC-6: a state-changing request that carries the session cookie must come from this origin.
 * `Sec-Fetch-Site` decides when the browser sends it (same-origin, or none for a request the
 * user made directly); otherwise `Origin` must be this instance. A request with neither header
 * is not from a browser page (scripts, tests) and is let through. Refused: 403 `forbidden`.
 */
export const sameOriginWrites =
  (config: ServerConfig): MiddlewareHandler =>
  async (c, next) => {
    if (!WRITES.has(c.req.method) || getCookie(c, SESSION_COOKIE) === undefined) return next()
    const site = c.req.header('sec-fetch-site')
    const origin = c.req.header('origin')
    const allowed =
      site !== undefined
        ? site === 'same-origin' || site === 'none'
        : origin === undefined || isOwnOrigin(origin, c, config)
    if (!allowed) {
      return c.json(
        appErrorBody('forbidden', 'Cross-origin requests with a session are refused'),
        403,
      )
    }
    return next()
  }
