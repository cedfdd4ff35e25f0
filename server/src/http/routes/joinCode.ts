import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { JOIN_CODE_PATH } from '@koers/protocol'
import type { Context } from 'hono'
import { AppError } from '../appError.ts'
import type { AppDeps } from '../context.ts'
import { publicOrigin } from '../requestOrigin.ts'
import { errorResponses, JoinCode, JoinCodeStatus, WorkspaceIdParam } from '../schemas.ts'
import { requirePrincipal } from '../sessionCookie.ts'

const openRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/join-code',
  summary: 'Open joining by code (facilitator only)',
  description:
    'A new six-character code that gives an editor session for 12 hours, unless closed ' +
    'earlier; a code that was open stops working (STUDY-8, PERM-13).',
  request: { params: WorkspaceIdParam },
  responses: {
    201: { description: 'Opened', content: { 'application/json': { schema: JoinCode } } },
    ...errorResponses(400, 401, 403, 404),
  },
})

const statusRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/join-code',
  summary: 'Whether joining by code is open (facilitator only)',
  request: { params: WorkspaceIdParam },
  responses: {
    200: { description: 'Status', content: { 'application/json': { schema: JoinCodeStatus } } },
    ...errorResponses(400, 401, 403, 404),
  },
})

const closeRoute = createRoute({
  method: 'delete',
  path: '/api/workspaces/{id}/join-code',
  summary: 'Close joining by code (facilitator only)',
  description: 'The code stops working at once; sessions made with it stay.',
  request: { params: WorkspaceIdParam },
  responses: {
    204: { description: 'Closed (also when nothing was open)' },
    ...errorResponses(400, 401, 403, 404),
  },
})

/** PERM-13: only a facilitator of this workspace opens, reads or closes its code. */
const requireFacilitator = async (c: Context, deps: AppDeps, workspaceId: string) => {
  const principal = await requirePrincipal(c, deps.sessions, workspaceId)
  if (principal.role !== 'facilitator') {
    throw new AppError('forbidden', 'Only a facilitator can open or close joining by code')
  }
  return principal
}

export const registerJoinCodeRoutes = (app: OpenAPIHono, deps: AppDeps): void => {
  app.openapi(openRoute, async (c) => {
    const { id } = c.req.valid('param')
    await requireFacilitator(c, deps, id)
    const { code, expiresAt } = await deps.joinCodes.open(id, new Date())
    deps.activity.touch(id)
    const url = `${publicOrigin(c, deps.config)}${JOIN_CODE_PATH}${code}`
    return c.json({ code, url, expiresAt: expiresAt.toISOString() }, 201)
  })

  app.openapi(statusRoute, async (c) => {
    const { id } = c.req.valid('param')
    await requireFacilitator(c, deps, id)
    const open = await deps.joinCodes.current(id, new Date())
    return c.json({ open: open !== null, expiresAt: open?.expiresAt.toISOString() ?? null }, 200)
  })

  app.openapi(closeRoute, async (c) => {
    const { id } = c.req.valid('param')
    await requireFacilitator(c, deps, id)
    await deps.joinCodes.close(id, new Date())
    return c.body(null, 204)
  })
}
