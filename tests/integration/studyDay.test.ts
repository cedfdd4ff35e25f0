import {
  addPhase,
  addTime,
  documentViolations,
  listPhases,
  listSections,
  movePhase,
  nextPhase,
  pauseTimer,
  readAgendaState,
  readFollow,
  readTimer,
  removePhase,
  setFollow,
  setPhaseSectionLinked,
  startAgenda,
  updatePhase,
  updateTimer,
} from '@koers/doc-model'
import { describe, expect, test } from 'vitest'
import { joinAs, workspaceWithRoles } from '../support/api.ts'
import { docContent } from '../support/docContent.ts'
import { openClient } from '../support/testClients.ts'
import { startTestServer } from '../support/testServer.ts'

const T0 = 1_800_000_000_000

describe('the study day in the session root, over real sockets', () => {
  test('STUDY-7 STUDY-5 a facilitator’s agenda, phase, timer and follow writes are kept and stored; an editor’s are reverted everywhere', async () => {
    const server = await startTestServer()
    const { workspace, facilitator, editor } = await workspaceWithRoles(server.url)
    const lead = await openClient(server.url, facilitator)
    const writer = await openClient(server.url, editor)
    const [section] = listSections(lead.doc)

    // A workspace is created with the default agenda (STUDY-2).
    expect(listPhases(writer.doc)).toHaveLength(8)
    const extra = addPhase(lead.doc, { title: 'Extra ronde', minutes: 12, format: 'brainstorm' })
    updatePhase(lead.doc, extra, { notes: 'Alleen voor mij', minutes: 14 })
    setPhaseSectionLinked(lead.doc, extra, section!.id, true)
    movePhase(lead.doc, extra, 0)
    removePhase(lead.doc, listPhases(lead.doc).at(-1)!.id)
    startAgenda(lead.doc, T0)
    nextPhase(lead.doc, T0 + 60_000)
    updateTimer(lead.doc, (timer) => pauseTimer(timer, T0 + 90_000))
    updateTimer(lead.doc, (timer) => addTime(timer, 5 * 60_000))
    setFollow(lead.doc, { on: true, tab: 'text', section: section!.id })
    await expect.poll(() => readFollow(writer.doc).on).toBe(true)
    expect(listPhases(writer.doc)).toEqual(listPhases(lead.doc))
    expect(listPhases(writer.doc)[0]).toMatchObject({
      title: 'Extra ronde',
      minutes: 14,
      spentMs: 60_000,
    })
    expect(readAgendaState(writer.doc)).toEqual(readAgendaState(lead.doc))
    expect(readTimer(writer.doc)).toEqual(readTimer(lead.doc))
    expect(readTimer(writer.doc).status).toBe('paused')

    // PERM-4: the editor may not run the day.
    const before = docContent(lead.doc)
    addPhase(writer.doc, { title: 'Stiekeme fase' })
    updateTimer(writer.doc, (timer) => addTime(timer, 60 * 60_000))
    setFollow(writer.doc, { on: false })
    await expect.poll(() => readFollow(writer.doc).on).toBe(true)
    await expect.poll(() => listPhases(writer.doc).length).toBe(8)
    expect(readTimer(writer.doc)).toEqual(readTimer(lead.doc))
    expect(docContent(lead.doc)).toEqual(before)

    await server.stop()
    const again = await startTestServer({ dataDir: server.dataDir })
    const reader = await openClient(
      again.url,
      await joinAs(again.url, workspace.keys.viewer, 'Lezer'),
    )
    expect(docContent(reader.doc)).toEqual(before)
    expect(documentViolations(reader.doc)).toEqual([])
  })
})
