import type { OpenAPIHono } from '@hono/zod-openapi'
import { appErrorBody } from '@koers/protocol'
import type { AppDeps } from '../context.ts'

export const registerHealthRoutes = (app: OpenAPIHono, deps: AppDeps): void => {
  /** Liveness: the process answers. */
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200))
  /** Readiness: the store answers too. */
  app.get('/readyz', async (c) => {
    try {
      await deps.documents.ping()
      return c.json({ status: 'ok' }, 200)
    } catch {
      return c.json(appErrorBody('store_unavailable', 'The document store does not answer'), 503)
    }
  })
}
