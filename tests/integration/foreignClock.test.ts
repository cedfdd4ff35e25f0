import * as encoding from 'lib0/encoding'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { joinAs, workspaceWithRoles } from '../support/api.ts'
import { updateFrame } from '../support/frames.ts'
import { connectProvider, waitForSync } from '../support/provider.ts'
import { openClient, openRawSocket } from '../support/testClients.ts'
import { startTestServer } from '../support/testServer.ts'
import { bodyText, sectionIds, typeInto } from '../support/typing.ts'

/**
 * A 16-byte update (format v1) with one garbage-collected struct of `length` clocks at another
 * participant's client id: it claims their future clocks.
 */
function foreignGcUpdate(client: number, clock: number, length: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1) // clients
  encoding.writeVarUint(encoder, 1) // structs of this client
  encoding.writeVarUint(encoder, client)
  encoding.writeVarUint(encoder, clock)
  encoding.writeUint8(encoder, 0) // GC
  encoding.writeVarUint(encoder, length)
  encoding.writeVarUint(encoder, 0) // empty delete set
  return encoding.toUint8Array(encoder)
}

describe('SYNC-19 nobody writes at another participant’s client id', () => {
  test('SYNC-19 a foreign garbage-collected struct is refused; the offline participant’s text arrives intact', async () => {
    const server = await startTestServer()
    const { workspace, facilitator, editor } = await workspaceWithRoles(server.url)
    const lead = await openClient(server.url, facilitator)
    const first = sectionIds(lead.doc)[0]!

    const victimDoc = new Y.Doc()
    const victim = await connectProvider(server.url, editor.workspaceId, editor.cookie, victimDoc)
    await waitForSync(victim)
    typeInto(victimDoc, first, 'online getypt ')
    await expect.poll(() => bodyText(lead.doc, first)).toContain('online getypt')

    victim.disconnect()
    typeInto(victimDoc, first, 'offline getypt')
    const serverClock = Y.decodeStateVector(Y.encodeStateVector(lead.doc)).get(victimDoc.clientID)!

    const attacker = await openRawSocket(
      server.url,
      await joinAs(server.url, workspace.keys.editor, 'Indringer'),
    )
    await attacker.sync(new Y.Doc())
    attacker.send(updateFrame(foreignGcUpdate(victimDoc.clientID, serverClock, 2 ** 30)))
    expect((await attacker.closed).code).toBe(4403)
    expect(Y.decodeStateVector(Y.encodeStateVector(lead.doc)).get(victimDoc.clientID)).toBe(
      serverClock,
    )

    victim.connect()
    await expect
      .poll(() => bodyText(lead.doc, first), { timeout: 15_000 })
      .toContain('offline getypt')
    expect(bodyText(victimDoc, first)).toContain('online getypt offline getypt')
    victim.destroy()
  })
})
