import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { replaceLink } from '../../auth/replaceLink.ts'
import type { AppDeps } from '../context.ts'
import { ReplacedLink, ReplaceLinkBody } from '../linkSchemas.ts'
import { requireFacilitator } from '../memberSession.ts'
import { publicOrigin } from '../requestOrigin.ts'
import { errorResponses, WorkspaceIdParam } from '../schemas.ts'

const replaceLinkRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/links',
  summary: 'Replace the editor or viewer link (facilitator only)',
  description:
    'A new link for the role, shown once; the old link stops admitting new people at once ' +
    '(PERM-15). With `endSessions` the sessions that came in through the old link end: their ' +
    'sockets close with 4401, their next ticket request gets 401 (PERM-16).',
  request: {
    params: WorkspaceIdParam,
    body: { required: true, content: { 'application/json': { schema: ReplaceLinkBody } } },
  },
  responses: {
    201: { description: 'Replaced', content: { 'application/json': { schema: ReplacedLink } } },
    ...errorResponses(400, 401, 403, 404, 413, 415),
  },
})

export const registerInviteLinkRoutes = (app: OpenAPIHono, deps: AppDeps): void => {
  app.openapi(replaceLinkRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { role, endSessions } = c.req.valid('json')
    await requireFacilitator(c, deps.sessions, id, 'replace an invite link')
    const { key, endedParticipantIds } = await replaceLink(deps, id, role, endSessions)
    deps.activity.touch(id)
    deps.log.info('invite link replaced', {
      workspaceId: id,
      role,
      endedSessions: endedParticipantIds.length,
    })
    return c.json({ role, url: `${publicOrigin(c, deps.config)}/join#${key}` }, 201)
  })
}
