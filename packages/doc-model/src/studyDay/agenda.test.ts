import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { listSections, removeSection } from '../sections.ts'
import { createWorkspaceDoc } from '../template/createWorkspaceDoc.ts'
import {
  addDefaultAgenda,
  addPhase,
  listPhases,
  movePhase,
  phaseText,
  removePhase,
  setPhaseSectionLinked,
  updatePhase,
} from './agenda.ts'
import { DEFAULT_AGENDA } from './defaultAgenda.ts'
import { PHASE_FORMATS, type PhaseFormat } from './phaseFormat.ts'

const titles = (doc: Y.Doc) => listPhases(doc).map((phase) => phase.title)

describe('STUDY-1 the agenda of phases', () => {
  it('adds in place, edits, moves (DM-3) and removes', () => {
    const doc = new Y.Doc()
    const a = addPhase(doc, { title: 'A', minutes: 15 })
    const c = addPhase(doc, { title: 'C', format: 'stemmen' })
    addPhase(doc, { title: 'B', after: a })
    addPhase(doc, { title: '0', after: null })
    expect(titles(doc)).toEqual(['0', 'A', 'B', 'C'])
    expect(listPhases(doc)[3]).toMatchObject({ minutes: 10, format: 'stemmen', notes: '' })

    updatePhase(doc, c, { title: 'Stemmen', minutes: 25.4, format: 'instemmen', notes: 'Geheim?' })
    expect(listPhases(doc)[3]).toMatchObject({
      title: 'Stemmen',
      minutes: 25,
      format: 'instemmen',
      notes: 'Geheim?',
    })
    phaseText(doc, c, 'notes')!.insert(0, 'Niet getoond. ')
    expect(listPhases(doc)[3]!.notes).toBe('Niet getoond. Geheim?')

    movePhase(doc, c, 0)
    expect(titles(doc)).toEqual(['Stemmen', '0', 'A', 'B'])
    removePhase(doc, a)
    expect(titles(doc)).toEqual(['Stemmen', '0', 'B'])
  })

  it('links sections, lists them in section order and drops removed ones', () => {
    const doc = new Y.Doc()
    createWorkspaceDoc(doc, { title: 'T', school: 'S' })
    const [s1, s2, s3] = listSections(doc).map((section) => section.id)
    const phase = addPhase(doc, { title: 'P', sections: [s3!, s1!] })
    setPhaseSectionLinked(doc, phase, s2!, true)
    expect(listPhases(doc).at(-1)!.sections).toEqual([s1, s2, s3])
    setPhaseSectionLinked(doc, phase, s1!, false)
    removeSection(doc, s3!)
    expect(listPhases(doc).at(-1)!.sections).toEqual([s2])
  })

  it('clamps minutes, refuses an unknown format, and reads odd fields as defaults (DM-11)', () => {
    const doc = new Y.Doc()
    const id = addPhase(doc, { title: 'P', minutes: -3 })
    expect(listPhases(doc)[0]!.minutes).toBe(0)
    updatePhase(doc, id, { minutes: 10_000 })
    expect(listPhases(doc)[0]!.minutes).toBe(600)
    expect(() => addPhase(doc, { title: 'X', format: 'dansen' as PhaseFormat })).toThrow(RangeError)
    expect(() => updatePhase(doc, id, { format: 'dansen' as PhaseFormat })).toThrow(RangeError)
    const agenda = doc.getMap('session').get('agenda') as Y.Map<Y.Map<unknown>>
    agenda.get(id)!.set('format', 'later-format')
    agenda.get(id)!.set('minutes', 'veel')
    expect(listPhases(doc)[0]).toMatchObject({ format: 'bespreken', minutes: 0 })
    // Writers on an unknown id do nothing.
    updatePhase(doc, 'onbekend', { title: 'x' })
    removePhase(doc, 'onbekend')
    expect(listPhases(doc)).toHaveLength(1)
  })

  it('keeps the format list open: every format has a label in both languages', async () => {
    const { PHASE_FORMAT_LABELS } = await import('./phaseFormat.ts')
    for (const format of PHASE_FORMATS) {
      expect(PHASE_FORMAT_LABELS[format].nl).not.toBe('')
      expect(PHASE_FORMAT_LABELS[format].en).not.toBe('')
    }
  })
})

describe('STUDY-2 the default agenda of TEMPLATE.md', () => {
  it('is 180 minutes in eight phases', () => {
    expect(DEFAULT_AGENDA.map((phase) => phase.minutes)).toEqual([15, 25, 30, 10, 35, 30, 20, 15])
    expect(DEFAULT_AGENDA.reduce((sum, phase) => sum + phase.minutes, 0)).toBe(180)
  })

  it.each([
    ['nl', ['Opening en kader', 'Inventarisatie', 'Waarden', 'Pauze', 'Ambities']],
    ['en', ['Opening and framing', 'Inventory', 'Values', 'Break', 'Ambitions']],
  ] as const)('is created with a %s workspace, linked to its sections', (language, first) => {
    const doc = new Y.Doc()
    createWorkspaceDoc(doc, { title: 'T', school: 'S', language })
    const phases = listPhases(doc)
    expect(phases).toHaveLength(8)
    expect(phases.slice(0, 5).map((phase) => phase.title)).toEqual(first)
    const sectionTitle = new Map(listSections(doc).map((s) => [s.id, s.templateKey]))
    const keys = phases.map((phase) => phase.sections.map((id) => sectionTitle.get(id)))
    expect(keys).toEqual(DEFAULT_AGENDA.map((phase) => phase.sectionKeys))
    expect(phases[4]!.sections).toHaveLength(5)
    expect(phases.map((phase) => phase.format)).toEqual(DEFAULT_AGENDA.map((p) => p.format))
  })

  it('is added after an existing agenda in one transaction ("standaardagenda toevoegen")', () => {
    const doc = new Y.Doc()
    createWorkspaceDoc(doc, { title: 'T', school: 'S' })
    for (const phase of listPhases(doc)) removePhase(doc, phase.id)
    addPhase(doc, { title: 'Eigen opening' })
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    const ids = addDefaultAgenda(doc, 'en')
    expect(transactions).toBe(1)
    expect(ids).toHaveLength(8)
    expect(titles(doc)[0]).toBe('Eigen opening')
    expect(titles(doc)[8]).toBe('Closing')
  })

  it('works on a document from before the agenda existed (no session parts yet)', () => {
    const doc = new Y.Doc()
    doc.getMap('session').set('paused', false)
    addDefaultAgenda(doc, 'nl')
    expect(listPhases(doc)).toHaveLength(8)
    expect(listPhases(doc).every((phase) => phase.sections.length === 0)).toBe(true)
  })
})
