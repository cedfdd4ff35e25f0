import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { createWorkspaceDoc } from '@koers/doc-model'
import { newWorkspaceId } from '@koers/protocol'
import * as Y from 'yjs'
import type { Role } from '../../auth/role.ts'
import { hashSecret, newSecret } from '../../auth/secrets.ts'
import { ensureRoomForWorkspace } from '../capacity.ts'
import type { AppDeps } from '../context.ts'
import { requireCreateKey } from '../createKey.ts'
import { publicOrigin } from '../requestOrigin.ts'
import {
  CreatedWorkspace,
  CreateWorkspaceBody,
  errorResponses,
  Me,
  WorkspaceIdParam,
} from '../schemas.ts'
import { requirePrincipal } from '../sessionCookie.ts'
import { DAY_MS } from '../../lifecycle/housekeeping.ts'

/** PRIV-6: when the retention period would delete the workspace, or null without one. */
const retentionOf = async (deps: AppDeps, workspaceId: string) => {
  const days = deps.config.protection.retentionDays
  if (days === null) return null
  const last = await deps.lifecycle.lastActivity(workspaceId)
  if (!last) return null
  return { deletesAt: new Date(last.getTime() + days * DAY_MS).toISOString() }
}

const createWorkspaceRoute = createRoute({
  method: 'post',
  path: '/api/workspaces',
  summary: 'Create a workspace; returns one secret link per role',
  request: {
    body: { required: true, content: { 'application/json': { schema: CreateWorkspaceBody } } },
  },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: CreatedWorkspace } } },
    ...errorResponses(400, 401, 403, 413, 415, 429, 507),
  },
})

const meRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/me',
  summary: 'The caller’s session in this workspace',
  request: { params: WorkspaceIdParam },
  responses: {
    200: { description: 'Session', content: { 'application/json': { schema: Me } } },
    ...errorResponses(400, 401, 404),
  },
})

export const registerWorkspaceRoutes = (app: OpenAPIHono, deps: AppDeps): void => {
  app.post('/api/workspaces', deps.throttles.create.middleware)
  app.openapi(createWorkspaceRoute, async (c) => {
    requireCreateKey(c, deps.config)
    const { title, school, language } = c.req.valid('json')
    await ensureRoomForWorkspace(deps.lifecycle, deps.config)
    const id = newWorkspaceId()
    const doc = new Y.Doc()
    createWorkspaceDoc(doc, { title, school, ...(language ? { language } : {}) })
    const state = Y.encodeStateAsUpdate(doc)
    doc.destroy()
    const keys: Record<Role, string> = {
      facilitator: newSecret(),
      editor: newSecret(),
      viewer: newSecret(),
    }
    // SCALE-2: the workspace, its hashed keys and its first snapshot in one transaction.
    await deps.lifecycle.createWorkspaceWithDocument(
      {
        id,
        title,
        school,
        keyHashes: {
          facilitator: hashSecret(keys.facilitator),
          editor: hashSecret(keys.editor),
          viewer: hashSecret(keys.viewer),
        },
      },
      state,
    )
    const origin = publicOrigin(c, deps.config)
    const link = (key: string): string => `${origin}/join#${key}`
    return c.json(
      {
        id,
        links: {
          facilitator: link(keys.facilitator),
          editor: link(keys.editor),
          viewer: link(keys.viewer),
        },
      },
      201,
    )
  })

  app.openapi(meRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { workspaceId, role, participantId, displayName } = await requirePrincipal(
      c,
      deps.sessions,
      id,
    )
    return c.json(
      { workspaceId, role, participantId, displayName, retention: await retentionOf(deps, id) },
      200,
    )
  })
}
