import { OpenAPIHono } from '@hono/zod-openapi'
import { appErrorBody } from '@koers/protocol'
import { bodyLimit } from 'hono/body-limit'
import { requestId } from 'hono/request-id'
import type { UpgradeWebSocket } from 'hono/ws'
import type { WebSocket } from 'ws'
import { registerStaticFiles } from '../staticFiles.ts'
import { AppError } from './appError.ts'
import type { AppDeps } from './context.ts'
import { jsonBodies } from './jsonBodies.ts'
import { createOnError } from './onError.ts'
import { registerDeleteWorkspaceRoute } from './routes/deleteWorkspace.ts'
import { registerExportRoute } from './routes/exportWorkspace.ts'
import { IMPORT_PATH, registerImportRoute } from './routes/importWorkspace.ts'
import { registerRoundRoutes } from './routes/rounds.ts'
import { registerVersionRoutes } from './routes/versions.ts'
import { registerHealthRoutes } from './routes/health.ts'
import { registerJoinCodeRoutes } from './routes/joinCode.ts'
import { registerTimeRoute } from './routes/time.ts'
import { registerPrivacyRoute } from './routes/privacy.ts'
import { registerSessionRoutes } from './routes/session.ts'
import { registerSyncRoute } from './routes/sync.ts'
import { registerTicketRoutes } from './routes/ticket.ts'
import { registerWorkspaceRoutes } from './routes/workspaces.ts'
import { sameOriginWrites } from './sameOriginWrites.ts'
import { securityHeaders } from './securityHeaders.ts'

const MAX_BODY_BYTES = 64 * 1024

export const createApp = (deps: AppDeps): OpenAPIHono => {
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0]
        const where = issue?.path.join('.') || result.target
        throw new AppError('invalid_input', `${where}: ${issue?.message ?? 'invalid'}`)
      }
    },
  })
  app.onError(createOnError(deps.log))
  // SEC-10: every request has an id (the caller's `X-Request-Id` if it looks like one), sent
  // back in the response and put on every log line about it.
  app.use('*', requestId())
  app.use('*', securityHeaders(deps.config))
  app.use('/api/*', sameOriginWrites(deps.config))
  app.use('/api/*', jsonBodies)
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    // The unread rest of the body would be taken for the next request on a kept-alive socket.
    onError: (c) =>
      c.json(appErrorBody('payload_too_large', 'Request body too large'), 413, {
        connection: 'close',
      }),
  })
  // A backup import has its own, larger limit (VER-7).
  app.use('/api/*', (c, next) => (c.req.path === IMPORT_PATH ? next() : limitBody(c, next)))
  app.use('/api/*', async (c, next) => {
    await next()
    c.header('cache-control', 'no-store')
  })
  registerHealthRoutes(app, deps)
  registerWorkspaceRoutes(app, deps)
  registerSessionRoutes(app, deps)
  registerTicketRoutes(app, deps)
  registerDeleteWorkspaceRoute(app, deps)
  registerPrivacyRoute(app, deps)
  registerJoinCodeRoutes(app, deps)
  registerTimeRoute(app)
  registerImportRoute(app, deps)
  registerExportRoute(app, deps)
  registerVersionRoutes(app, deps)
  registerRoundRoutes(app, deps)
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Koers API',
      version: '0.1.0',
      description:
        'Workspaces, sessions and WebSocket tickets. The document itself syncs over ' +
        '`GET /sync/{id}?ticket=…` (y-websocket protocol, see packages/protocol/PROTOCOL.md).',
    },
  })
  return app
}

/** Routes that need the WebSocket helper and must come after the API: sync, then the SPA. */
export const finishApp = (
  app: OpenAPIHono,
  deps: AppDeps,
  upgradeWebSocket: UpgradeWebSocket<WebSocket>,
): void => {
  registerSyncRoute(app, deps, upgradeWebSocket)
  app.all('/api/*', (c) => c.json(appErrorBody('not_found', 'No such endpoint'), 404))
  registerStaticFiles(app, deps.config.webDir)
  app.notFound((c) => c.json(appErrorBody('not_found', 'Not found'), 404))
}
