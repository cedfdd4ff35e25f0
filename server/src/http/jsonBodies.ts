import { appErrorBody } from '@koers/protocol'
import type { MiddlewareHandler } from 'hono'

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i

/**
 * SEC-9: every API request that carries a body must send it as JSON; anything else gets
 * 415 `unsupported_media_type` before the body is read. Requests without a body pass.
 */
export const jsonBodies: MiddlewareHandler = async (c, next) => {
  const length = c.req.header('content-length')
  const hasBody =
    (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined
  if (hasBody && !JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    return c.json(
      appErrorBody('unsupported_media_type', 'Send the request body as application/json'),
      415,
    )
  }
  return next()
}
