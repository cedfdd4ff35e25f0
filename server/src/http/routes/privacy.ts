import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { SESSION_LIFETIME_MS } from '../../auth/sessions.ts'
import { DAY_MS } from '../../lifecycle/housekeeping.ts'
import type { AppDeps } from '../context.ts'
import { PrivacyFacts } from '../schemas.ts'

const privacyRoute = createRoute({
  method: 'get',
  path: '/api/privacy',
  summary: 'What this server keeps and for how long (PRIV-7)',
  responses: {
    200: { description: 'Facts', content: { 'application/json': { schema: PrivacyFacts } } },
  },
})

export const registerPrivacyRoute = (app: OpenAPIHono, deps: AppDeps): void => {
  app.openapi(privacyRoute, (c) =>
    c.json(
      {
        sessionDays: Math.round(SESSION_LIFETIME_MS / DAY_MS),
        retentionDays: deps.config.protection.retentionDays,
      },
      200,
    ),
  )
}
