import { appErrorBody, isWorkspaceId } from '@koers/protocol'
import type { MiddlewareHandler } from 'hono'
import { IMPORT_PATH } from './routes/importWorkspace.ts'

/**
 * A malformed workspace id names no workspace: every `/api/workspaces/{id}…` route answers it
 * with 404 `not_found`, as an unknown id and `/sync/{id}` do, before anything else is checked.
 */
export const workspaceIdGuard: MiddlewareHandler = async (c, next) => {
  const id = c.req.param('id')
  if (id !== undefined && c.req.path !== IMPORT_PATH && !isWorkspaceId(id)) {
    return c.json(appErrorBody('not_found', 'No such workspace'), 404)
  }
  return next()
}
