import type { Context } from 'hono'
import type { Principal } from '../auth/role.ts'
import type { SessionService } from '../auth/sessions.ts'
import { AppError } from './appError.ts'
import { readSessionToken } from './sessionCookie.ts'

/**
 * The caller's session for this workspace (EXP-16, VER-2). Without a session cookie: 401
 * `unauthorized`; with one that is not for this workspace (another workspace's, or expired):
 * 403 `forbidden`. Only `role` may still refuse what the session asks.
 */
export const requireMember = async (
  c: Context,
  sessions: SessionService,
  workspaceId: string,
): Promise<Principal> => {
  const token = readSessionToken(c)
  if (!token) throw new AppError('unauthorized', 'No session; open the workspace through its link')
  const principal = await sessions.resolve(token, workspaceId)
  if (!principal) throw new AppError('forbidden', 'Your session is not for this workspace')
  return principal
}

/** VER-1, VER-5: what only a facilitator may do. */
export const requireFacilitator = async (
  c: Context,
  sessions: SessionService,
  workspaceId: string,
  what: string,
): Promise<Principal> => {
  const principal = await requireMember(c, sessions, workspaceId)
  if (principal.role !== 'facilitator') {
    throw new AppError('forbidden', `Only a facilitator can ${what}`)
  }
  return principal
}
