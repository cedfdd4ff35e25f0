import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { AppError } from '../appError.ts'
import type { AppDeps } from '../context.ts'
import { errorResponses, WorkspaceIdParam } from '../schemas.ts'
import { requirePrincipal } from '../sessionCookie.ts'

const deleteWorkspaceRoute = createRoute({
  method: 'delete',
  path: '/api/workspaces/{id}',
  summary: 'Delete a workspace for good (facilitator only)',
  description:
    'Deletes every row of the workspace (document, keys, sessions), closes its open sockets ' +
    'with 4410 and answers 204. Its links stop working (PRIV-2).',
  request: { params: WorkspaceIdParam },
  responses: {
    204: { description: 'Deleted' },
    ...errorResponses(400, 401, 403, 404),
  },
})

export const registerDeleteWorkspaceRoute = (app: OpenAPIHono, deps: AppDeps): void => {
  app.openapi(deleteWorkspaceRoute, async (c) => {
    const { id } = c.req.valid('param')
    const principal = await requirePrincipal(c, deps.sessions, id)
    if (principal.role !== 'facilitator') {
      throw new AppError('forbidden', 'Only a facilitator can delete this workspace')
    }
    await deps.eraser.erase(id)
    deps.log.info('workspace deleted', { workspaceId: id, by: 'facilitator' })
    return c.body(null, 204)
  })
}
