import type { OpenAPIHono } from '@hono/zod-openapi'
import { Hono } from 'hono'
import { appErrorBody, isWorkspaceId, TICKET_QUERY_PARAM } from '@koers/protocol'
import type { UpgradeWebSocket } from 'hono/ws'
import type { WebSocket } from 'ws'
import type { Principal } from '../../auth/role.ts'
import type { Connection } from '../../sync/connection.ts'
import type { AppDeps } from '../context.ts'
import { isAllowedSocketOrigin } from '../requestOrigin.ts'
import { adaptWebSocket } from '../wsSocket.ts'

type SyncEnv = { Variables: { principal: Principal } }

/**
 * `GET /sync/:workspaceId?ticket=…`: a thin adapter. The ticket and Origin are checked before
 * the upgrade (a refused request gets a JSON error, no socket); the socket then belongs to a
 * Connection in the workspace's Room.
 */
export const registerSyncRoute = (
  app: OpenAPIHono,
  deps: AppDeps,
  upgradeWebSocket: UpgradeWebSocket<WebSocket>,
): void => {
  const sync = new Hono<SyncEnv>()
  sync.get(
    '/sync/:workspaceId',
    async (c, next) => {
      const workspaceId = c.req.param('workspaceId')
      if (!isWorkspaceId(workspaceId)) {
        return c.json(appErrorBody('not_found', 'Unknown workspace'), 404)
      }
      if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
        return c.json(appErrorBody('invalid_input', 'Expected a WebSocket upgrade'), 426)
      }
      if (!isAllowedSocketOrigin(c.req.header('origin'), deps.config)) {
        return c.json(appErrorBody('forbidden', 'Origin not allowed'), 403)
      }
      const ticket = c.req.query(TICKET_QUERY_PARAM)
      const principal = ticket ? await deps.tickets.consume(ticket, workspaceId) : null
      if (!principal) {
        return c.json(appErrorBody('ticket_invalid', 'Missing, used or expired ticket'), 401)
      }
      c.set('principal', principal)
      await next()
    },
    upgradeWebSocket((c) => {
      const principal = c.get('principal')
      let connection: Connection | null = null
      return {
        onOpen: (_event, ws) => {
          if (!ws.raw) return ws.close(1011, 'no socket')
          connection = deps.registry.join(principal, adaptWebSocket(ws.raw))
        },
        onMessage: (event) => {
          const data: unknown = event.data
          // Text frames are not part of the protocol: hand over an empty (malformed) frame.
          connection?.receive(
            data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(0),
          )
        },
        // No onError: @hono/node-ws would build an ErrorEvent, which Node 20 lacks; ws always
        // emits 'close' after 'error', so onClose covers it.
        onClose: () => connection?.handleTransportClose(),
      }
    }),
  )
  app.route('/', sync)
}
