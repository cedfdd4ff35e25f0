import { addPrinciple, listPrinciples, readAdoption, setAdoptionStatus } from '@koers/doc-model'
import { PERMISSION_DENIED_READ_ONLY } from '@koers/protocol'
import { describe, expect, test } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { joinAs, workspaceWithRoles } from '../support/api.ts'
import { docContent } from '../support/docContent.ts'
import { awarenessFrame, updateFrame } from '../support/frames.ts'
import { isAuth } from '../support/rawSocket.ts'
import { openClient, openRawSocket, type Client } from '../support/testClients.ts'
import { startTestServer } from '../support/testServer.ts'
import { bodyText, sectionIds, typeInto } from '../support/typing.ts'

/** Captures the update a local change produces (what a client would send for it). */
function captureUpdate(doc: Y.Doc, change: () => void): Uint8Array {
  let captured: Uint8Array | null = null
  const onUpdate = (update: Uint8Array): void => {
    captured = update
  }
  doc.on('update', onUpdate)
  change()
  doc.off('update', onUpdate)
  if (!captured) throw new Error('the change produced no update')
  return captured
}

/**
 * Makes sure the server has handled everything sent before: a marker typed by `writer` reaches
 * `reader`; frames sent earlier on other sockets were handled first by the one-threaded room.
 */
async function roundTrip(
  writer: Client,
  reader: Client,
  sectionId: string,
  marker: string,
): Promise<void> {
  typeInto(writer.doc, sectionId, ` ${marker}`)
  await expect.poll(() => bodyText(reader.doc, sectionId)).toContain(marker)
}

describe('PERM who may write what, enforced by the server', () => {
  test('PERM-3, PROTO-4 a viewer’s crafted update changes nothing anywhere and is answered with permission denied', async () => {
    const server = await startTestServer()
    const { workspace, facilitator, editor, viewer } = await workspaceWithRoles(server.url)
    const watcher = await openClient(server.url, facilitator)
    const writer = await openClient(server.url, editor)
    const sectionId = sectionIds(watcher.doc)[0]!

    const raw = await openRawSocket(server.url, viewer)
    const local = new Y.Doc()
    await raw.sync(local, false)
    const update = captureUpdate(local, () => typeInto(local, sectionId, 'INBRAAK door meelezer'))
    raw.send(updateFrame(update))

    const denied = await raw.waitFor(isAuth)
    expect(denied.denied).toBe(true)
    expect(denied.reason).toBe(PERMISSION_DENIED_READ_ONLY)
    await roundTrip(writer, watcher, sectionId, 'markering-1')
    expect(bodyText(watcher.doc, sectionId)).not.toContain('INBRAAK')
    expect(bodyText(writer.doc, sectionId)).not.toContain('INBRAAK')
    const before = docContent(watcher.doc)

    // Still absent after a restart: it was never stored either.
    await server.stop()
    const again = await startTestServer({ dataDir: server.dataDir })
    const reloaded = await openClient(
      again.url,
      await joinAs(again.url, workspace.keys.viewer, 'Lezer'),
    )
    expect(bodyText(reloaded.doc, sectionId)).not.toContain('INBRAAK')
    expect(docContent(reloaded.doc)).toEqual(before)
  })

  test('PERM-3 a viewer changing a principle changes nothing', async () => {
    const server = await startTestServer()
    const { facilitator, editor, viewer } = await workspaceWithRoles(server.url)
    const lead = await openClient(server.url, facilitator)
    const writer = await openClient(server.url, editor)
    const sectionId = sectionIds(lead.doc)[0]!
    const principleId = addPrinciple(lead.doc, {
      statement: 'Wij kiezen voor menselijkheid',
      rationale: 'omdat',
    })
    await expect.poll(() => listPrinciples(writer.doc).map((p) => p.id)).toContain(principleId)

    const raw = await openRawSocket(server.url, viewer)
    const local = new Y.Doc()
    await raw.sync(local, false)
    expect(listPrinciples(local).map((p) => p.id)).toContain(principleId)
    const update = captureUpdate(local, () => {
      const principle = local.getMap<Y.Map<unknown>>('principles').get(principleId)!
      principle.set('statement', 'Wij kiezen voor schermen overal')
    })
    raw.send(updateFrame(update))
    expect((await raw.waitFor(isAuth)).denied).toBe(true)

    await roundTrip(writer, lead, sectionId, 'markering-2')
    for (const doc of [lead.doc, writer.doc]) {
      expect(listPrinciples(doc).find((p) => p.id === principleId)?.statement).toBe(
        'Wij kiezen voor menselijkheid',
      )
    }
  })

  test('PERM-4 an editor changing adoption is reverted for everyone; PERM-5 a facilitator’s change stays', async () => {
    const server = await startTestServer()
    const { facilitator, editor, viewer } = await workspaceWithRoles(server.url)
    const lead = await openClient(server.url, facilitator)
    const writer = await openClient(server.url, editor)
    const reader = await openClient(server.url, viewer)
    expect(readAdoption(writer.doc).status).toBe('concept')

    setAdoptionStatus(writer.doc, 'vastgesteld', { date: '2025-06-01', note: 'zelf vastgesteld' })
    expect(readAdoption(writer.doc).status).toBe('vastgesteld')
    await expect.poll(() => readAdoption(writer.doc).status).toBe('concept')
    for (const doc of [lead.doc, writer.doc, reader.doc]) {
      expect(readAdoption(doc).status).toBe('concept')
      expect(readAdoption(doc).steps.vastgesteld).toBeNull()
    }

    setAdoptionStatus(lead.doc, 'teambespreking', {
      date: '2025-06-02',
      note: 'besproken in het team',
    })
    await expect.poll(() => readAdoption(writer.doc).status).toBe('teambespreking')
    const sectionId = sectionIds(lead.doc)[0]!
    await roundTrip(writer, lead, sectionId, 'markering-3')
    for (const doc of [lead.doc, writer.doc, reader.doc]) {
      expect(readAdoption(doc).status).toBe('teambespreking')
      expect(readAdoption(doc).steps.teambespreking?.note).toBe('besproken in het team')
    }
  })

  test('PERM-6 a forged awareness identity is overwritten with the session’s name and role', async () => {
    const server = await startTestServer()
    const { facilitator, editor, viewer } = await workspaceWithRoles(server.url)
    const watcher = await openClient(server.url, facilitator)
    // A stock client's first state has clock 0, which y-protocols peers ignore; a real client
    // (the Tiptap caret) always sets a field, so do that too.
    watcher.provider.awareness.setLocalStateField('cursor', null)
    const third = await openClient(server.url, viewer)
    const stateOf = (clientId: number): unknown =>
      third.provider.awareness.getStates().get(clientId)
    await expect
      .poll(() => stateOf(watcher.doc.clientID))
      .toMatchObject({ user: { name: 'Fenna Facilitator' } })

    const raw = await openRawSocket(server.url, editor)
    const local = new Y.Doc()
    await raw.sync(local)
    const awareness = new awarenessProtocol.Awareness(local)
    awareness.setLocalState({
      user: { name: 'Rector', role: 'facilitator', color: '#000000' },
      cursor: null,
    })
    raw.send(awarenessFrame(awareness, [local.clientID]))

    await expect
      .poll(() => watcher.provider.awareness.getStates().get(local.clientID))
      .toMatchObject({ user: { name: 'Eva Editor', role: 'editor' } })
    const user = (
      watcher.provider.awareness.getStates().get(local.clientID) as { user: { color: string } }
    ).user
    expect(user.color).not.toBe('#000000')

    // Speaking for someone else's client id is ignored: the watcher's own state is untouched.
    const impostor = new awarenessProtocol.Awareness(new Y.Doc())
    impostor.clientID = watcher.doc.clientID
    impostor.setLocalState({ user: { name: 'Rector' } })
    raw.send(awarenessFrame(impostor, [watcher.doc.clientID]))
    awareness.setLocalState({ user: { name: 'Rector' }, cursor: { anchor: 1 } })
    raw.send(awarenessFrame(awareness, [local.clientID]))
    await expect
      .poll(() => watcher.provider.awareness.getStates().get(local.clientID))
      .toMatchObject({ cursor: { anchor: 1 }, user: { name: 'Eva Editor' } })
    expect(stateOf(watcher.doc.clientID)).toMatchObject({
      user: { name: 'Fenna Facilitator', role: 'facilitator' },
    })
    expect(JSON.stringify(stateOf(watcher.doc.clientID))).not.toContain('Rector')
    awareness.destroy()
    impostor.destroy()
  })
})
