import {
  addPrinciple,
  documentViolations,
  isPaused,
  listPrinciples,
  listSections,
  lockedSections,
  readAdoption,
  renameSection,
  sectionsMap,
  setAdoptionStatus,
  setPaused,
  setSectionLocked,
} from '@koers/doc-model'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { joinAs, workspaceWithRoles } from '../support/api.ts'
import { docContent } from '../support/docContent.ts'
import { updateFrame } from '../support/frames.ts'
import { isAuth } from '../support/rawSocket.ts'
import { openClient, openRawSocket } from '../support/testClients.ts'
import { startTestServer } from '../support/testServer.ts'
import { bodyOf, bodyText, sectionIds, typeInto } from '../support/typing.ts'

/** The update a local change produces: what a client would send for it. */
function captureUpdate(doc: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc)
  doc.transact(change)
  return Y.encodeStateAsUpdate(doc, before)
}

describe('the write policy over real sockets, across a restart', () => {
  test('PERM-9 adopted: an editor’s change anywhere is reverted for everyone and never stored; a facilitator reopens; the history holds every step', async () => {
    const server = await startTestServer()
    const { workspace, facilitator, editor } = await workspaceWithRoles(server.url)
    const lead = await openClient(server.url, facilitator)
    const writer = await openClient(server.url, editor)
    const [first] = sectionIds(lead.doc)

    setAdoptionStatus(lead.doc, 'vastgesteld', { date: '2026-06-01', note: 'Bestuur stelt vast' })
    await expect.poll(() => readAdoption(writer.doc).status).toBe('vastgesteld')

    typeInto(writer.doc, first!, 'NA VASTSTELLING')
    addPrinciple(writer.doc, { statement: 'STIEKEM UITGANGSPUNT' })
    await expect.poll(() => bodyText(writer.doc, first!)).not.toContain('NA VASTSTELLING')
    await expect.poll(() => listPrinciples(writer.doc).length).toBe(0)
    expect(bodyText(lead.doc, first!)).not.toContain('NA VASTSTELLING')

    setAdoptionStatus(lead.doc, 'mr', { date: '2026-06-03', note: 'Heropend' })
    await expect.poll(() => readAdoption(writer.doc).status).toBe('mr')
    typeInto(writer.doc, first!, 'NA HEROPENEN')
    await expect.poll(() => bodyText(lead.doc, first!)).toContain('NA HEROPENEN')
    const before = docContent(lead.doc)

    await server.stop()
    const again = await startTestServer({ dataDir: server.dataDir })
    const reader = await openClient(
      again.url,
      await joinAs(again.url, workspace.keys.viewer, 'Lezer'),
    )
    expect(bodyText(reader.doc, first!)).not.toContain('NA VASTSTELLING')
    expect(bodyText(reader.doc, first!)).toContain('NA HEROPENEN')
    expect(listPrinciples(reader.doc)).toEqual([])
    expect(readAdoption(reader.doc).history.map((entry) => [entry.step, entry.note])).toEqual([
      ['vastgesteld', 'Bestuur stelt vast'],
      ['mr', 'Heropend'],
    ])
    expect(docContent(reader.doc)).toEqual(before)
  })

  test('PERM-11 a locked section: an editor’s body and title changes are reverted for every replica and never stored; the editor cannot unlock; after unlocking the editor writes again', async () => {
    const server = await startTestServer()
    const { workspace, facilitator, editor } = await workspaceWithRoles(server.url)
    const lead = await openClient(server.url, facilitator)
    const writer = await openClient(server.url, editor)
    const colleague = await openClient(
      server.url,
      await joinAs(server.url, workspace.keys.editor, 'Collega'),
    )
    const [locked, open] = sectionIds(lead.doc)
    const title = () => listSections(writer.doc).find((s) => s.id === locked)!.title
    const originalTitle = title()

    setSectionLocked(lead.doc, locked!, true)
    await expect.poll(() => lockedSections(writer.doc).has(locked!)).toBe(true)
    typeInto(writer.doc, locked!, 'IN HET SLOT')
    renameSection(writer.doc, locked!, 'GEKAAPTE TITEL')
    // The editor tries to lift the lock itself (PERM-4: the session root is the facilitator's).
    setSectionLocked(writer.doc, locked!, false)
    typeInto(writer.doc, open!, 'ernaast mag het')
    await expect.poll(() => bodyText(colleague.doc, open!)).toContain('ernaast mag het')
    await expect.poll(() => bodyText(writer.doc, locked!)).not.toContain('IN HET SLOT')
    await expect.poll(title).toBe(originalTitle)
    await expect.poll(() => lockedSections(writer.doc).has(locked!)).toBe(true)
    for (const replica of [lead.doc, colleague.doc]) {
      expect(bodyText(replica, locked!)).not.toContain('IN HET SLOT')
      expect(listSections(replica).find((s) => s.id === locked)!.title).toBe(originalTitle)
      expect(lockedSections(replica).has(locked!)).toBe(true)
    }

    setSectionLocked(lead.doc, locked!, false)
    await expect.poll(() => lockedSections(writer.doc).has(locked!)).toBe(false)
    typeInto(writer.doc, locked!, 'WEER OPEN')
    await expect.poll(() => bodyText(lead.doc, locked!)).toContain('WEER OPEN')
    const before = docContent(lead.doc)

    await server.stop()
    const again = await startTestServer({ dataDir: server.dataDir })
    const reader = await openClient(
      again.url,
      await joinAs(again.url, workspace.keys.viewer, 'Lezer'),
    )
    expect(bodyText(reader.doc, locked!)).not.toContain('IN HET SLOT')
    expect(bodyText(reader.doc, locked!)).toContain('WEER OPEN')
    expect(listSections(reader.doc).find((s) => s.id === locked)!.title).toBe(originalTitle)
    expect(docContent(reader.doc)).toEqual(before)
  })

  test('PERM-10 during a pause every editor change is reverted for every replica and never stored; the editor cannot end the pause; afterwards the editor writes again', async () => {
    const server = await startTestServer()
    const { workspace, facilitator, editor } = await workspaceWithRoles(server.url)
    const lead = await openClient(server.url, facilitator)
    const writer = await openClient(server.url, editor)
    const [first] = sectionIds(lead.doc)

    setPaused(lead.doc, true)
    await expect.poll(() => isPaused(writer.doc)).toBe(true)
    typeInto(writer.doc, first!, 'TIJDENS PAUZE')
    addPrinciple(writer.doc, { statement: 'PAUZE-UITGANGSPUNT' })
    setPaused(writer.doc, false)
    await expect.poll(() => bodyText(writer.doc, first!)).not.toContain('TIJDENS PAUZE')
    await expect.poll(() => listPrinciples(writer.doc).length).toBe(0)
    await expect.poll(() => isPaused(writer.doc)).toBe(true)
    // The facilitator is never locked out.
    typeInto(lead.doc, first!, 'de procesbegeleider schrijft door')
    await expect
      .poll(() => bodyText(writer.doc, first!))
      .toContain('de procesbegeleider schrijft door')
    expect(bodyText(lead.doc, first!)).not.toContain('TIJDENS PAUZE')

    setPaused(lead.doc, false)
    await expect.poll(() => isPaused(writer.doc)).toBe(false)
    typeInto(writer.doc, first!, 'NA DE PAUZE')
    await expect.poll(() => bodyText(lead.doc, first!)).toContain('NA DE PAUZE')
    const before = docContent(lead.doc)

    await server.stop()
    const again = await startTestServer({ dataDir: server.dataDir })
    const reader = await openClient(
      again.url,
      await joinAs(again.url, workspace.keys.viewer, 'Lezer'),
    )
    expect(bodyText(reader.doc, first!)).not.toContain('TIJDENS PAUZE')
    expect(listPrinciples(reader.doc)).toEqual([])
    expect(docContent(reader.doc)).toEqual(before)
  })

  test.each<[string, (doc: Y.Doc, sectionId: string) => void]>([
    ['a bare text at the root of a body', (doc, id) => bodyOf(doc, id).push([new Y.XmlText('x')])],
    [
      '3,000 nested blockquotes',
      (doc, id) => {
        let parent: Y.XmlFragment = bodyOf(doc, id)
        for (let i = 0; i < 3_000; i++) {
          const quote = new Y.XmlElement('blockquote')
          parent.insert(0, [quote])
          parent = quote
        }
      },
    ],
    ['a wrong type in sections', (doc) => sectionsMap(doc).set('kapot', 'geen onderdeel')],
  ])(
    'DM-16/DM-18 %s from an editor is never stored; every replica stays valid',
    async (_name, change) => {
      const server = await startTestServer()
      const { workspace, facilitator, editor } = await workspaceWithRoles(server.url)
      const lead = await openClient(server.url, facilitator)
      const colleague = await openClient(server.url, editor)
      const first = sectionIds(lead.doc)[0]!
      const raw = await openRawSocket(server.url, editor)
      const local = new Y.Doc()
      await raw.sync(local, false)
      raw.send(updateFrame(captureUpdate(local, () => change(local, first))))
      const denied = await raw.waitFor(isAuth)
      expect(denied.reason).toBe('invalid')
      // The room handles frames in order: once a later marker arrived, so did the revert.
      typeInto(colleague.doc, first, 'markering')
      await expect.poll(() => bodyText(lead.doc, first)).toContain('markering')
      expect(documentViolations(lead.doc)).toEqual([])

      await server.stop()
      const again = await startTestServer({ dataDir: server.dataDir })
      const reader = await openClient(
        again.url,
        await joinAs(again.url, workspace.keys.viewer, 'Lezer'),
      )
      expect(documentViolations(reader.doc)).toEqual([])
      expect(docContent(reader.doc)).toEqual(docContent(lead.doc))
    },
  )
})
