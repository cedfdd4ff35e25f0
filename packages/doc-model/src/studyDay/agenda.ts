import * as Y from 'yjs'
import { newId } from '../ids.ts'
import { insertRanked, orderedEntries, placeAt } from '../ordering/rankedMap.ts'
import { readMap, readNumber, readSet, readText, readTextString, transact } from '../read.ts'
import { listSections } from '../sections.ts'
import { sessionMap, sessionPart, SessionKey } from '../session.ts'
import { writeTextField } from '../textFields.ts'
import type { Language } from '../vocabulary.ts'
import { DEFAULT_AGENDA } from './defaultAgenda.ts'
import { DEFAULT_PHASE_FORMAT, isPhaseFormat, type PhaseFormat } from './phaseFormat.ts'

/** The longest a phase may be planned, in minutes. */
export const MAX_PHASE_MINUTES = 600

export interface PhaseView {
  id: string
  rank: string
  title: string
  /** Planned minutes, 0 … MAX_PHASE_MINUTES. */
  minutes: number
  /** Linked section ids (only sections that exist and are not removed), in section order. */
  sections: string[]
  format: PhaseFormat
  /** For the facilitator: not shown to participants, but in the shared document (STUDY-1). */
  notes: string
  /** Time this phase was current before, in ms (the current visit not included). */
  spentMs: number
}

export interface PhaseInput {
  title: string
  minutes?: number
  format?: PhaseFormat
  sections?: readonly string[]
  notes?: string
  /** Insert after this phase; null = first, undefined (or an unknown id) = last. */
  after?: string | null
}

export function agendaMap(doc: Y.Doc): Y.Map<unknown> | undefined {
  return readMap(sessionMap(doc), SessionKey.agenda)
}

const clampMinutes = (minutes: number): number =>
  Number.isFinite(minutes) ? Math.min(MAX_PHASE_MINUTES, Math.max(0, Math.round(minutes))) : 0

function checkFormat(format: PhaseFormat | undefined): PhaseFormat {
  if (format === undefined) return DEFAULT_PHASE_FORMAT
  if (!isPhaseFormat(format)) throw new RangeError(`Unknown phase format: ${String(format)}`)
  return format
}

/** The agenda in order (DM-5); tolerant of odd fields (DM-11). */
export function listPhases(doc: Y.Doc): PhaseView[] {
  const agenda = agendaMap(doc)
  if (!agenda) return []
  const sectionOrder = listSections(doc).map((section) => section.id)
  return orderedEntries(agenda).map(({ id, rank, item }) => {
    const linked = new Set(readSet(item, 'sections'))
    const format = item.get('format')
    return {
      id,
      rank,
      title: readTextString(item, 'title'),
      minutes: clampMinutes(readNumber(item, 'minutes')),
      sections: sectionOrder.filter((sectionId) => linked.has(sectionId)),
      format: isPhaseFormat(format) ? format : DEFAULT_PHASE_FORMAT,
      notes: readTextString(item, 'notes'),
      spentMs: Math.max(0, readNumber(item, 'spentMs')),
    }
  })
}

export function phaseMap(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  const agenda = agendaMap(doc)
  return agenda ? readMap(agenda, id) : undefined
}

/** The title and the notes as collaborative text (DM-15); undefined for an unknown phase. */
export function phaseText(doc: Y.Doc, id: string, field: 'title' | 'notes'): Y.Text | undefined {
  const phase = phaseMap(doc, id)
  return phase ? readText(phase, field) : undefined
}

function fillPhase(phase: Y.Map<unknown>, input: PhaseInput): void {
  phase.set('title', new Y.Text(input.title))
  phase.set('minutes', clampMinutes(input.minutes ?? 10))
  phase.set('format', checkFormat(input.format))
  const sections = new Y.Map<unknown>()
  phase.set('sections', sections)
  for (const sectionId of input.sections ?? []) sections.set(sectionId, true)
  phase.set('notes', new Y.Text(input.notes ?? ''))
  phase.set('spentMs', 0)
}

export function addPhase(doc: Y.Doc, input: PhaseInput): string {
  checkFormat(input.format)
  const id = newId()
  doc.transact(() => {
    insertRanked(sessionPart(doc, SessionKey.agenda), id, input.after, (phase) =>
      fillPhase(phase, input),
    )
  })
  return id
}

export function updatePhase(
  doc: Y.Doc,
  id: string,
  patch: { title?: string; minutes?: number; format?: PhaseFormat; notes?: string },
): void {
  const phase = phaseMap(doc, id)
  if (!phase) return
  if (patch.format !== undefined) checkFormat(patch.format)
  transact(phase, () => {
    if (patch.title !== undefined) writeTextField(phase, 'title', patch.title)
    if (patch.notes !== undefined) writeTextField(phase, 'notes', patch.notes)
    if (patch.minutes !== undefined) {
      const minutes = clampMinutes(patch.minutes)
      if (phase.get('minutes') !== minutes) phase.set('minutes', minutes)
    }
    if (patch.format !== undefined && phase.get('format') !== patch.format) {
      phase.set('format', patch.format)
    }
  })
}

export function setPhaseSectionLinked(
  doc: Y.Doc,
  id: string,
  sectionId: string,
  linked: boolean,
): void {
  const phase = phaseMap(doc, id)
  if (!phase) return
  transact(phase, () => {
    let sections = readMap(phase, 'sections')
    if (!sections) {
      if (!linked) return
      sections = new Y.Map<unknown>()
      phase.set('sections', sections)
    }
    if (linked && sections.get(sectionId) !== true) sections.set(sectionId, true)
    if (!linked && sections.has(sectionId)) sections.delete(sectionId)
  })
}

export function movePhase(doc: Y.Doc, id: string, toIndex: number): void {
  const agenda = agendaMap(doc)
  if (agenda) placeAt(agenda, id, toIndex)
}

/** Deleted for real (only facilitators write the agenda); the current phase ends with it. */
export function removePhase(doc: Y.Doc, id: string): void {
  const agenda = agendaMap(doc)
  if (!agenda?.has(id)) return
  doc.transact(() => {
    agenda.delete(id)
    const session = sessionMap(doc)
    if (session.get(SessionKey.current) === id) session.set(SessionKey.current, '')
  })
}

/**
 * Appends the suggested agenda of TEMPLATE.md in `language` (STUDY-2), linking each phase to
 * the sections whose `templateKey` it names, in one transaction. Returns the new phase ids.
 */
export function addDefaultAgenda(doc: Y.Doc, language: Language): string[] {
  const byKey = new Map(listSections(doc).map((section) => [section.templateKey, section.id]))
  const ids: string[] = []
  doc.transact(() => {
    const agenda = sessionPart(doc, SessionKey.agenda)
    for (const phase of DEFAULT_AGENDA) {
      const id = newId()
      ids.push(id)
      const sections = phase.sectionKeys.flatMap((key) => byKey.get(key) ?? [])
      insertRanked(agenda, id, undefined, (item) =>
        fillPhase(item, {
          title: phase.title[language],
          minutes: phase.minutes,
          format: phase.format,
          sections,
          notes: phase.notes[language],
        }),
      )
    }
  })
  return ids
}
