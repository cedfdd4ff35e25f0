import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { AppDeps } from '../context.ts'
import { requireFacilitator, requireMember } from '../memberSession.ts'
import { errorResponses, WorkspaceIdParam } from '../schemas.ts'
import {
  ExportQuery,
  RestoredVersion,
  SavedVersion,
  SaveVersionBody,
  VersionList,
  VersionParams,
} from '../versionSchemas.ts'
import { fileResponse, sendExport } from './exportWorkspace.ts'
import { asAppError } from './versionErrors.ts'

const saveRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/versions',
  summary: 'Save the document as it is now as a named version (facilitator only)',
  request: {
    params: WorkspaceIdParam,
    body: { required: true, content: { 'application/json': { schema: SaveVersionBody } } },
  },
  responses: {
    201: { description: 'Saved', content: { 'application/json': { schema: SavedVersion } } },
    ...errorResponses(400, 401, 403, 413, 415, 503, 507),
  },
})

const listRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/versions',
  summary: 'The versions of the workspace, newest first (any role)',
  request: { params: WorkspaceIdParam },
  responses: {
    200: { description: 'Versions', content: { 'application/json': { schema: VersionList } } },
    ...errorResponses(400, 401, 403),
  },
})

const exportVersionRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/versions/{versionId}/export',
  summary: 'Export a version exactly as it was saved (any role)',
  request: { params: VersionParams, query: ExportQuery },
  responses: { 200: fileResponse, ...errorResponses(400, 401, 403, 404, 503) },
})

const restoreRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/versions/{versionId}/restore',
  summary: 'Make the live document equal to a version, as a new change (facilitator only)',
  description:
    'Saves a "before restore" version first, then rewrites the content in one server change ' +
    'that every connected replica merges (VER-5, VER-6). The adoption status and the ' +
    'session (pause, locks, rounds) and the board of revealed cards stay as they are.',
  request: { params: VersionParams },
  responses: {
    200: { description: 'Restored', content: { 'application/json': { schema: RestoredVersion } } },
    ...errorResponses(400, 401, 403, 404, 413, 503, 507),
  },
})

export const registerVersionRoutes = (app: OpenAPIHono, deps: AppDeps): void => {
  app.openapi(saveRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { name } = c.req.valid('json')
    await requireFacilitator(c, deps.sessions, id, 'save a version')
    try {
      const { id: versionId, createdAt } = await deps.versions.save(id, name, 'named')
      return c.json({ id: versionId, name, createdAt }, 201)
    } catch (error) {
      throw asAppError(error)
    }
  })

  app.openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param')
    await requireMember(c, deps.sessions, id)
    return c.json({ versions: await deps.versions.list(id) }, 200)
  })

  app.openapi(exportVersionRoute, async (c) => {
    const { id, versionId } = c.req.valid('param')
    const choice = c.req.valid('query')
    await requireMember(c, deps.sessions, id)
    let state: Uint8Array
    try {
      state = await deps.versions.state(id, versionId)
    } catch (error) {
      throw asAppError(error)
    }
    return sendExport(c, deps, id, state, choice) as never
  })

  app.openapi(restoreRoute, async (c) => {
    const { id, versionId } = c.req.valid('param')
    await requireFacilitator(c, deps.sessions, id, 'restore a version')
    try {
      return c.json(await deps.versions.restore(id, versionId), 200)
    } catch (error) {
      throw asAppError(error)
    }
  })
}
