import { AppError } from '../appError.ts'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { AppDeps } from '../context.ts'
import { errorResponses, Ticket, WorkspaceIdParam } from '../schemas.ts'
import { requirePrincipal } from '../sessionCookie.ts'

const ticketRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/ticket',
  summary: 'A single-use ticket for the WebSocket (`/sync/{id}?ticket=…`)',
  request: { params: WorkspaceIdParam },
  responses: {
    200: { description: 'Ticket', content: { 'application/json': { schema: Ticket } } },
    ...errorResponses(400, 401, 403, 404, 429),
  },
})

export const registerTicketRoutes = (app: OpenAPIHono, deps: AppDeps): void => {
  app.openapi(ticketRoute, async (c) => {
    const { id } = c.req.valid('param')
    const principal = await requirePrincipal(c, deps.sessions, id)
    const issued = await deps.tickets.issue(principal)
    if (!issued) throw new AppError('rate_limited', 'Too many unused tickets; use one first')
    deps.activity.touch(id)
    const { ticket, expiresAt } = issued
    return c.json({ ticket, expiresAt: expiresAt.toISOString() }, 200)
  })
}
