import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentViolations } from '../schema/documentViolations.ts'
import { ROOT_SPECS } from '../schema/fields.ts'
import { areValidKeys } from '../schema/validateFields.ts'
import { listSections } from '../sections.ts'
import { SessionKey, setPaused, setSectionLocked } from '../session.ts'
import { createWorkspaceDoc } from '../template/createWorkspaceDoc.ts'
import { addPhase, listPhases, setPhaseSectionLinked, updatePhase } from './agenda.ts'
import { nextPhase, startAgenda } from './agendaRun.ts'
import { readFollow, setFollow } from './follow.ts'
import { readTimer, updateTimer, writeTimer } from './sessionTimer.ts'
import { addTime, pauseTimer, resetTimer } from './timer.ts'

const T0 = 1_800_000_000_000

function workspace(): Y.Doc {
  const doc = new Y.Doc()
  createWorkspaceDoc(doc, { title: 'T', school: 'S' })
  return doc
}

const session = (doc: Y.Doc) => doc.getMap<unknown>('session')

describe('STUDY-7 the session root keeps to its declared schema (DM-16)', () => {
  it('declares every key the workspace is created with', () => {
    const spec = ROOT_SPECS.session!
    expect(spec.kind).toBe('record')
    const declared = spec.kind === 'record' ? Object.keys(spec.fields).sort() : []
    expect([...session(workspace()).keys()].sort()).toEqual(declared)
    expect(Object.values(SessionKey).sort()).toEqual(declared)
  })

  it('stays valid through every study-day writer', () => {
    const doc = workspace()
    const [section] = listSections(doc)
    const phase = addPhase(doc, { title: 'Extra', minutes: 7, format: 'brainstorm' })
    updatePhase(doc, phase, { title: 'Anders', notes: 'Alleen voor mij', minutes: 9 })
    setPhaseSectionLinked(doc, phase, section!.id, true)
    startAgenda(doc, T0)
    nextPhase(doc, T0 + 60_000)
    updateTimer(doc, (timer) => pauseTimer(timer, T0 + 90_000))
    updateTimer(doc, (timer) => addTime(timer, 5 * 60_000))
    updateTimer(doc, (timer) => resetTimer(timer))
    setFollow(doc, { on: true, tab: 'text', section: section!.id })
    setPaused(doc, true)
    setSectionLocked(doc, section!.id, true)
    expect(documentViolations(doc)).toEqual([])
  })

  it.each<[string, (doc: Y.Doc) => void]>([
    ['an unknown session key', (doc) => session(doc).set('lichten', 'aan')],
    [
      'a timer status outside the list',
      (doc) => (session(doc).get('timer') as Y.Map<unknown>).set('status', 'kapot'),
    ],
    [
      'a follow flag that is not a boolean',
      (doc) => (session(doc).get('follow') as Y.Map<unknown>).set('on', 'ja'),
    ],
    [
      'a phase with an unknown field',
      (doc) => {
        const agenda = session(doc).get('agenda') as Y.Map<Y.Map<unknown>>
        agenda.get(listPhases(doc)[0]!.id)!.set('geheim', true)
      },
    ],
    [
      'a phase format outside the list',
      (doc) => {
        const agenda = session(doc).get('agenda') as Y.Map<Y.Map<unknown>>
        agenda.get(listPhases(doc)[0]!.id)!.set('format', 'dansen')
      },
    ],
    ['a current phase that is not a string', (doc) => session(doc).set('current', 3)],
  ])('flags %s', (_name, change) => {
    const doc = workspace()
    change(doc)
    expect(documentViolations(doc)).toEqual(['session: fields or types'])
  })

  it('judges a changed key of a phase like the server does (areValidKeys)', () => {
    const spec = ROOT_SPECS.session!
    const agendaSpec = spec.kind === 'record' ? spec.fields.agenda! : spec
    const doc = workspace()
    const agenda = session(doc).get('agenda') as Y.Map<unknown>
    const id = listPhases(doc)[0]!.id
    expect(areValidKeys(agendaSpec, agenda, [id])).toBe(true)
    ;(agenda.get(id) as Y.Map<unknown>).set('minutes', '15')
    expect(areValidKeys(agendaSpec, agenda, [id])).toBe(false)
  })

  it('reads an older document without the parts as stopped, off and empty (DM-11)', () => {
    const doc = new Y.Doc()
    session(doc).set('paused', false)
    expect(readTimer(doc).status).toBe('stopped')
    expect(readFollow(doc)).toEqual({ on: false, tab: '', section: '' })
    expect(listPhases(doc)).toEqual([])
    writeTimer(doc, { status: 'running', durationMs: 1, startedAt: T0, elapsedMs: 0 })
    setFollow(doc, { on: true })
    expect(readTimer(doc).status).toBe('running')
    expect(readFollow(doc).on).toBe(true)
    expect(documentViolations(doc)).toEqual([])
  })

  it('writes only what changes', () => {
    const doc = workspace()
    let updates = 0
    doc.on('update', () => updates++)
    setFollow(doc, { on: false, tab: '' })
    updateTimer(doc, (timer) => pauseTimer(timer, T0))
    expect(updates).toBe(0)
  })
})
