import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { StartedSession } from '../../auth/sessions.ts'
import { AppError } from '../appError.ts'
import type { AppDeps } from '../context.ts'
import { isSecureOrigin, publicOrigin } from '../requestOrigin.ts'
import { errorResponses, SessionBody, SessionInfo } from '../schemas.ts'
import { readSessionToken, writeSessionCookie } from '../sessionCookie.ts'

const sessionRoute = createRoute({
  method: 'post',
  path: '/api/session',
  summary: 'Exchange a workspace key or a join code and a display name for a session cookie',
  description:
    '`{ key, displayName }` gives the role of the key (PERM-1); `{ code, displayName }` an ' +
    'editor session while the study day’s code is open (STUDY-8, PERM-13). Wrong codes are ' +
    'throttled per address (PERM-14).',
  request: { body: { required: true, content: { 'application/json': { schema: SessionBody } } } },
  responses: {
    200: {
      description: 'Session started; sets the HttpOnly `koers_session` cookie',
      content: { 'application/json': { schema: SessionInfo } },
    },
    ...errorResponses(400, 401, 403, 404, 410, 413, 415, 429),
  },
})

const startByCode = async (
  c: Context,
  deps: AppDeps,
  code: string,
  displayName: string,
): Promise<StartedSession> => {
  const found = await deps.joinCodes.lookup(code, new Date())
  switch (found.kind) {
    case 'unknown':
      throw new AppError('not_found', 'No study day is open with this code')
    case 'closed':
      throw new AppError('gone', 'Joining with this code has been closed')
    case 'expired':
      throw new AppError('gone', 'This code has expired')
    case 'open':
      return deps.sessions.startWith(
        { workspaceId: found.workspaceId, role: 'editor' },
        displayName,
        readSessionToken(c),
        { keepFacilitator: true },
      )
  }
}

export const registerSessionRoutes = (app: OpenAPIHono, deps: AppDeps): void => {
  app.post('/api/session', deps.throttles.join.middleware)
  app.post('/api/session', deps.throttles.codeGuess.middleware)
  app.openapi(sessionRoute, async (c) => {
    const body = c.req.valid('json')
    let started: StartedSession | null
    if ('code' in body) {
      started = await startByCode(c, deps, body.code, body.displayName)
    } else {
      started = await deps.sessions.start(body.key, body.displayName, readSessionToken(c))
      if (!started) throw new AppError('unauthorized', 'This link or code is not valid')
    }
    deps.activity.touch(started.principal.workspaceId)
    writeSessionCookie(c, started.token, isSecureOrigin(publicOrigin(c, deps.config)))
    const { workspaceId, role, participantId } = started.principal
    return c.json({ workspaceId, role, participantId }, 200)
  })
}
