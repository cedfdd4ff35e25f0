import type { OpenAPIHono } from '@hono/zod-openapi'
import { appErrorBody } from '@koers/protocol'
import { safeEqual } from '../../auth/secrets.ts'
import { metricsRegistry } from '../../metrics.ts'
import type { AppDeps } from '../context.ts'

export const registerHealthRoutes = (app: OpenAPIHono, deps: AppDeps): void => {
  /** Liveness: the process answers. */
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200))
  /** Readiness: the store answers too. */
  /** SCALE-9: Prometheus metrics; with KOERS_METRICS_TOKEN set, only for `Bearer <token>`. */
  app.get('/metrics', async (c) => {
    const token = deps.config.metricsToken
    if (token && !safeEqual(c.req.header('authorization') ?? '', `Bearer ${token}`)) {
      return c.json(appErrorBody('unauthorized', 'Metrics need the metrics token'), 401)
    }
    return c.body(await metricsRegistry.metrics(), 200, {
      'content-type': metricsRegistry.contentType,
      'cache-control': 'no-store',
    })
  })

  /** Readiness: the store answers, and the bus between instances is up (SCALE-5). */
  app.get('/readyz', async (c) => {
    try {
      await deps.documents.ping()
    } catch {
      return c.json(appErrorBody('store_unavailable', 'The document store does not answer'), 503)
    }
    if (deps.bus && !deps.bus.healthy) {
      return c.json(
        appErrorBody('store_unavailable', 'The bus between instances (Redis) is down'),
        503,
      )
    }
    return c.json({ status: 'ok' }, 200)
  })
}
