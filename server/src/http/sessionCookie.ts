import { SESSION_COOKIE } from '@koers/protocol'
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { Principal } from '../auth/role.ts'
import { SESSION_LIFETIME_MS, type SessionService } from '../auth/sessions.ts'
import { AppError } from './appError.ts'

export const readSessionToken = (c: Context): string | null => {
  const token = getCookie(c, SESSION_COOKIE)
  return token && token.length <= 200 ? token : null
}

export const writeSessionCookie = (c: Context, token: string, secure: boolean): void => {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure,
    maxAge: SESSION_LIFETIME_MS / 1000,
  })
}

/** The caller's session for this workspace, or a 401 `unauthorized`. */
export const requirePrincipal = async (
  c: Context,
  sessions: SessionService,
  workspaceId: string,
): Promise<Principal> => {
  const token = readSessionToken(c)
  const principal = token ? await sessions.resolve(token, workspaceId) : null
  if (!principal) throw new AppError('unauthorized', 'No session for this workspace')
  return principal
}
