import { CloseCode } from '@koers/protocol'
import { describe, expect, test, vi } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { joinAs, workspaceWithRoles } from '../support/api.ts'
import { awarenessFrame, rawAwarenessFrame } from '../support/frames.ts'
import { openClient, openRawSocket } from '../support/testClients.ts'
import { startTestServer } from '../support/testServer.ts'

describe('SYNC-6 presence in a busy room', () => {
  test('SYNC-6 a stock y-websocket client is not closed while many carets move', async () => {
    const server = await startTestServer()
    const { workspace, facilitator } = await workspaceWithRoles(server.url)
    const victim = await openClient(server.url, facilitator)
    const closes: number[] = []
    victim.provider.on('connection-close', (event) => closes.push(event?.code ?? 0))
    const moverIds = new Set<number>()
    const slowestMoverSeen = (): number => {
      let slowest = Infinity
      for (const id of moverIds) {
        const cursor = victim.provider.awareness.getStates().get(id)?.['cursor'] as
          { anchor: number } | undefined
        slowest = Math.min(slowest, cursor?.anchor ?? 0)
      }
      return slowest
    }

    // Twenty people move their caret 25 times a second each (each under its own message budget).
    const movers = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const socket = await openRawSocket(
          server.url,
          await joinAs(server.url, workspace.keys.editor, `Leraar ${i}`),
        )
        const doc = new Y.Doc()
        await socket.sync(doc)
        const awareness = new awarenessProtocol.Awareness(doc)
        moverIds.add(awareness.clientID)
        return { socket, awareness }
      }),
    )
    // Each on its own timer, as real people type out of step: the room sends many small frames.
    const timers = movers.map(({ socket, awareness }, i) => {
      let position = 0
      return setInterval(
        () => {
          position++
          awareness.setLocalStateField('cursor', { anchor: position, head: position })
          socket.send(awarenessFrame(awareness, [awareness.clientID]))
        },
        40 + (i % 7),
      )
    })
    try {
      // The stock provider re-sends every awareness change it receives (y-websocket's awareness
      // handler does not look at the origin); those echoes must not cost it its connection.
      // Wait until every caret has moved 150 times (about six seconds of movement) at the victim.
      await vi.waitFor(
        () => {
          if (closes.length > 0) return
          expect(slowestMoverSeen()).toBeGreaterThanOrEqual(150)
        },
        { timeout: 30_000, interval: 100 },
      )
    } finally {
      for (const timer of timers) clearInterval(timer)
      for (const { awareness } of movers) awareness.destroy()
    }
    expect(closes).not.toContain(CloseCode.RateLimited)
    expect(closes).toEqual([])
  })
})

describe('PROTO-7 an awareness frame is read for the sender alone', () => {
  test('PROTO-7 the other entries of a frame with the own state are skipped unparsed', async () => {
    const server = await startTestServer()
    const { workspace, facilitator } = await workspaceWithRoles(server.url)
    const watcher = await openClient(server.url, facilitator)
    const socket = await openRawSocket(
      server.url,
      await joinAs(server.url, workspace.keys.editor, 'Leraar'),
    )
    await socket.sync(new Y.Doc())
    const own = 424242
    socket.send(rawAwarenessFrame([{ clientID: own, clock: 1, state: { cursor: 1 } }]))
    const cursorSeen = () => watcher.provider.awareness.getStates().get(own)?.['cursor']
    await vi.waitFor(() => expect(cursorSeen()).toBe(1), { timeout: 30_000 })
    // What a stock client sends back: its own newer state beside someone else's, which is never
    // applied (PERM-6) and so never parsed; here it is not even JSON.
    socket.send(
      rawAwarenessFrame([
        { clientID: own, clock: 2, state: { cursor: 2 } },
        { clientID: 7, clock: 1, json: 'not json {' },
      ]),
    )
    await vi.waitFor(() => expect(cursorSeen()).toBe(2), { timeout: 30_000 })
    expect(watcher.provider.awareness.getStates().has(7)).toBe(false)
    expect(socket.ws.readyState).toBe(socket.ws.OPEN)
  })
})
