import type { Context, MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import type { ServerConfig } from '../config.ts'
import { isSecureOrigin, publicOrigin } from './requestOrigin.ts'

/** A host as a browser would send it; anything else is left out of the policy. */
const PLAIN_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/

/**
 * The WebSocket origin of the sync endpoint (ws:// or wss:// of the public origin). CSP level 3
 * lets 'self' cover it, but older engines need it spelled out.
 */
const syncOrigin = (c: Context, config: ServerConfig): string => {
  const origin = new URL(publicOrigin(c, config))
  if (!PLAIN_HOST.test(origin.host)) return ''
  return `${origin.protocol === 'https:' ? 'wss' : 'ws'}://${origin.host}`
}

/**
 * SEC-5: the security headers of every response (app, static files, API, errors). The policy
 * allows this server's own files only: the built app has no inline script or style (Tiptap's
 * base CSS ships in a file), the service worker is /sw.js, fonts are bundled, the favicon is a
 * `data:` URL.
 */
export const securityHeaders = (config: ServerConfig): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", (c) => syncOrigin(c, config)],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: true,
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    // Only meaningful, and only safe to promise, when the instance is reached over https.
    strictTransportSecurity:
      config.publicUrl && isSecureOrigin(config.publicUrl) ? 'max-age=15552000' : false,
  })
