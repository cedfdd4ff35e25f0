import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addPhase, listPhases, removePhase } from './agenda.ts'
import {
  agendaProgress,
  goToPhase,
  nextPhase,
  previousPhase,
  readAgendaState,
  startAgenda,
} from './agendaRun.ts'
import { readTimer } from './sessionTimer.ts'

const MIN = 60_000
const T0 = 1_800_000_000_000

function miniAgenda(): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc()
  const ids = [
    addPhase(doc, { title: 'Opening', minutes: 10 }),
    addPhase(doc, { title: 'Schrijven', minutes: 20 }),
    addPhase(doc, { title: 'Afsluiting', minutes: 5 }),
  ]
  return { doc, ids }
}

describe('STUDY-5 start, next and back through the agenda', () => {
  it('starts the first phase and its timer, moves on, goes back, and ends after the last', () => {
    const { doc, ids } = miniAgenda()
    previousPhase(doc, T0) // nothing before the start
    expect(readAgendaState(doc).current).toBe('')
    startAgenda(doc, T0)
    expect(readAgendaState(doc)).toEqual({ current: ids[0], currentSince: T0, dayStartedAt: T0 })
    expect(readTimer(doc)).toEqual({
      status: 'running',
      durationMs: 10 * MIN,
      startedAt: T0,
      elapsedMs: 0,
    })
    startAgenda(doc, T0 + MIN) // already running: no change
    expect(readAgendaState(doc).currentSince).toBe(T0)

    nextPhase(doc, T0 + 12 * MIN)
    expect(readAgendaState(doc).current).toBe(ids[1])
    expect(readTimer(doc)).toMatchObject({ durationMs: 20 * MIN, startedAt: T0 + 12 * MIN })
    previousPhase(doc, T0 + 13 * MIN)
    expect(readAgendaState(doc).current).toBe(ids[0])
    nextPhase(doc, T0 + 14 * MIN)
    nextPhase(doc, T0 + 30 * MIN)
    expect(readAgendaState(doc).current).toBe(ids[2])
    nextPhase(doc, T0 + 36 * MIN)
    expect(readAgendaState(doc)).toMatchObject({ current: '', dayStartedAt: T0 })
    expect(readTimer(doc).status).toBe('stopped')
    // Time spent per phase: 12 + 1 min, 1 + 16 min, 6 min.
    expect(listPhases(doc).map((phase) => phase.spentMs / MIN)).toEqual([13, 17, 6])
  })

  it('reports planned versus actual time and the delay', () => {
    const { doc, ids } = miniAgenda()
    const before = agendaProgress(listPhases(doc), readAgendaState(doc), T0)
    expect(before).toEqual({
      plannedMs: 35 * MIN,
      actualMs: 0,
      currentElapsedMs: 0,
      delayMs: 0,
      remainingPlannedMs: 35 * MIN,
    })
    startAgenda(doc, T0)
    // Within the plan of the current phase: on schedule.
    expect(agendaProgress(listPhases(doc), readAgendaState(doc), T0 + 8 * MIN)).toMatchObject({
      actualMs: 8 * MIN,
      delayMs: 0,
      remainingPlannedMs: 25 * MIN,
    })
    // The opening ran 4 minutes over; the next phase then starts 4 minutes late.
    goToPhase(doc, ids[1]!, T0 + 14 * MIN)
    expect(agendaProgress(listPhases(doc), readAgendaState(doc), T0 + 20 * MIN)).toMatchObject({
      actualMs: 20 * MIN,
      currentElapsedMs: 6 * MIN,
      delayMs: 4 * MIN,
      remainingPlannedMs: 5 * MIN,
    })
    // The current phase running past its plan adds to the delay as it goes.
    expect(agendaProgress(listPhases(doc), readAgendaState(doc), T0 + 37 * MIN).delayMs).toBe(
      7 * MIN,
    )
    nextPhase(doc, T0 + 30 * MIN) // 16 of 20 minutes: 4 minutes made up
    expect(agendaProgress(listPhases(doc), readAgendaState(doc), T0 + 30 * MIN).delayMs).toBe(0)
    nextPhase(doc, T0 + 33 * MIN) // the day ends early
    expect(agendaProgress(listPhases(doc), readAgendaState(doc), T0 + 99 * MIN)).toMatchObject({
      actualMs: 33 * MIN,
      delayMs: -2 * MIN,
      remainingPlannedMs: 0,
    })
  })

  it('ends the current phase when it is removed, and ignores unknown phases', () => {
    const { doc, ids } = miniAgenda()
    goToPhase(doc, 'onbekend', T0)
    expect(readAgendaState(doc).current).toBe('')
    goToPhase(doc, ids[1]!, T0)
    removePhase(doc, ids[1]!)
    expect(readAgendaState(doc).current).toBe('')
    expect(listPhases(doc)).toHaveLength(2)
  })
})
