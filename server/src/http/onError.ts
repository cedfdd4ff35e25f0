import { appErrorBody } from '@koers/protocol'
import type { ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { errorFields, type Logger } from '../log.ts'
import { AppError } from './appError.ts'

/** The one error handler: every failure leaves as `{ error: { code, message } }`. */
export const createOnError =
  (log: Logger): ErrorHandler =>
  (error, c) => {
    if (error instanceof AppError) {
      return c.json(appErrorBody(error.code, error.message), error.status as ContentfulStatusCode)
    }
    if (error instanceof HTTPException) {
      const status = error.status
      if (status === 413)
        return c.json(appErrorBody('payload_too_large', 'Request body too large'), 413)
      if (status === 401)
        return c.json(appErrorBody('unauthorized', error.message || 'Unauthorized'), 401)
      if (status < 500)
        return c.json(appErrorBody('invalid_input', error.message || 'Bad request'), 400)
    }
    log.error('request failed', {
      requestId: c.get('requestId'),
      path: c.req.path,
      ...errorFields(error),
    })
    return c.json(appErrorBody('internal', 'Internal server error'), 500)
  }
