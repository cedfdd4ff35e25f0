import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { AppError } from '../appError.ts'
import type { AppDeps } from '../context.ts'
import { isSecureOrigin, publicOrigin } from '../requestOrigin.ts'
import { errorResponses, SessionBody, SessionInfo } from '../schemas.ts'
import { readSessionToken, writeSessionCookie } from '../sessionCookie.ts'

const sessionRoute = createRoute({
  method: 'post',
  path: '/api/session',
  summary: 'Exchange a workspace key and display name for a session cookie',
  request: { body: { required: true, content: { 'application/json': { schema: SessionBody } } } },
  responses: {
    200: {
      description: 'Session started; sets the HttpOnly `koers_session` cookie',
      content: { 'application/json': { schema: SessionInfo } },
    },
    ...errorResponses(400, 401, 403, 413, 415, 429),
  },
})

export const registerSessionRoutes = (app: OpenAPIHono, deps: AppDeps): void => {
  app.post('/api/session', deps.throttles.join.middleware)
  app.openapi(sessionRoute, async (c) => {
    const { key, displayName } = c.req.valid('json')
    const started = await deps.sessions.start(key, displayName, readSessionToken(c))
    if (!started) throw new AppError('unauthorized', 'This link or code is not valid')
    deps.activity.touch(started.principal.workspaceId)
    writeSessionCookie(c, started.token, isSecureOrigin(publicOrigin(c, deps.config)))
    const { workspaceId, role, participantId } = started.principal
    return c.json({ workspaceId, role, participantId }, 200)
  })
}
