import type * as Y from 'yjs'
import { readNumber, readString } from '../read.ts'
import { sessionMap, SessionKey } from '../session.ts'
import { listPhases, phaseMap, type PhaseView } from './agenda.ts'
import { readTimer, writeTimer } from './sessionTimer.ts'
import { resetTimer, startTimer } from './timer.ts'

/** Where the day is: the current phase (or none) and since when (server time, STUDY-5). */
export interface AgendaState {
  /** The current phase id; '' before the start and after the end. */
  current: string
  /** Server time when the current phase began. */
  currentSince: number
  /** Server time when the day started; 0 before the start. */
  dayStartedAt: number
}

export function readAgendaState(doc: Y.Doc): AgendaState {
  const session = sessionMap(doc)
  const current = readString(session, SessionKey.current)
  return {
    current: phaseMap(doc, current) ? current : '',
    currentSince: readNumber(session, SessionKey.currentSince),
    dayStartedAt: readNumber(session, SessionKey.dayStartedAt),
  }
}

/**
 * Makes `phaseId` current at server time `now` ('' ends the day), in one transaction: the phase
 * that was current keeps the time it ran, and the timer starts with the new phase's minutes
 * (or stops at the end).
 */
export function goToPhase(doc: Y.Doc, phaseId: string, now: number): void {
  const target = phaseId === '' ? undefined : phaseMap(doc, phaseId)
  if (phaseId !== '' && !target) return
  const state = readAgendaState(doc)
  if (state.current === phaseId) return
  doc.transact(() => {
    const session = sessionMap(doc)
    const previous = phaseMap(doc, state.current)
    if (previous) {
      const ran = Math.max(0, now - state.currentSince)
      previous.set('spentMs', Math.max(0, readNumber(previous, 'spentMs')) + ran)
    }
    session.set(SessionKey.current, phaseId)
    session.set(SessionKey.currentSince, now)
    if (phaseId !== '' && state.dayStartedAt === 0) session.set(SessionKey.dayStartedAt, now)
    const phase = listPhases(doc).find((p) => p.id === phaseId)
    const timer = readTimer(doc)
    writeTimer(doc, phase ? startTimer(timer, now, phase.minutes * 60_000) : resetTimer(timer, 0))
  })
}

/** "Start": the first phase, or the current one when the day already runs. */
export function startAgenda(doc: Y.Doc, now: number): void {
  const first = listPhases(doc)[0]
  if (first && readAgendaState(doc).current === '') goToPhase(doc, first.id, now)
}

/** "Volgende": the next phase; after the last one the day ends. */
export function nextPhase(doc: Y.Doc, now: number): void {
  const phases = listPhases(doc)
  const { current } = readAgendaState(doc)
  if (current === '') return startAgenda(doc, now)
  const index = phases.findIndex((phase) => phase.id === current)
  goToPhase(doc, phases[index + 1]?.id ?? '', now)
}

/** "Terug": the phase before the current one; nothing before the first. */
export function previousPhase(doc: Y.Doc, now: number): void {
  const phases = listPhases(doc)
  const { current } = readAgendaState(doc)
  const index = phases.findIndex((phase) => phase.id === current)
  const previous = phases[index - 1]
  if (index > 0 && previous) goToPhase(doc, previous.id, now)
}

export interface AgendaProgress {
  plannedMs: number
  /** Time the phases ran so far, the current one up to `now`. */
  actualMs: number
  /** How long the current phase runs now (0 without one). */
  currentElapsedMs: number
  /**
   * How far behind the plan the day is (negative: ahead): for each phase that ran, actual minus
   * planned, and for the current phase only the part past its plan.
   */
  delayMs: number
  /** Planned time of the phases after the current one that have not run yet. */
  remainingPlannedMs: number
}

/** Planned versus actual time for the whole day (STUDY-5); pure. */
export function agendaProgress(
  phases: readonly PhaseView[],
  state: AgendaState,
  now: number,
): AgendaProgress {
  const currentIndex = phases.findIndex((phase) => phase.id === state.current)
  const currentElapsedMs = currentIndex >= 0 ? Math.max(0, now - state.currentSince) : 0
  let plannedMs = 0
  let actualMs = currentElapsedMs
  let delayMs = 0
  let remainingPlannedMs = 0
  const ended = state.dayStartedAt > 0 && currentIndex < 0
  phases.forEach((phase, index) => {
    const planned = phase.minutes * 60_000
    plannedMs += planned
    actualMs += phase.spentMs
    if (index === currentIndex) {
      const ran = phase.spentMs + currentElapsedMs
      delayMs += Math.max(0, ran - planned)
      return
    }
    if (phase.spentMs > 0) delayMs += phase.spentMs - planned
    else if (!ended && index > currentIndex) remainingPlannedMs += planned
  })
  return { plannedMs, actualMs, currentElapsedMs, delayMs, remainingPlannedMs }
}
