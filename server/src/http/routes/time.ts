import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { ServerTime } from '../schemas.ts'

const timeRoute = createRoute({
  method: 'get',
  path: '/api/time',
  summary: 'The server’s clock, for the shared timer (STUDY-4)',
  description:
    'Clients time a few round trips and take the midpoint of the fastest one as their offset ' +
    'to this clock, so every screen shows the same remaining time.',
  responses: {
    200: { description: 'Now', content: { 'application/json': { schema: ServerTime } } },
  },
})

export const registerTimeRoute = (app: OpenAPIHono): void => {
  app.openapi(timeRoute, (c) => c.json({ now: Date.now() }, 200))
}
