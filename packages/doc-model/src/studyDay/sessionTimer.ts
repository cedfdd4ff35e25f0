import type * as Y from 'yjs'
import { readMap, readNumber, readString } from '../read.ts'
import { sessionMap, sessionPart, SessionKey } from '../session.ts'
import { isTimerStatus, STOPPED_TIMER, type TimerState } from './timer.ts'

/** The shared timer as stored in `session.timer` (STUDY-3); a missing or odd field reads stopped. */
export function readTimer(doc: Y.Doc): TimerState {
  const timer = readMap(sessionMap(doc), SessionKey.timer)
  if (!timer) return STOPPED_TIMER
  const status = readString(timer, 'status')
  return {
    status: isTimerStatus(status) ? status : 'stopped',
    durationMs: Math.max(0, readNumber(timer, 'durationMs')),
    startedAt: readNumber(timer, 'startedAt'),
    elapsedMs: Math.max(0, readNumber(timer, 'elapsedMs')),
  }
}

/** Writes the fields that differ, in the caller's transaction or a new one. */
export function writeTimer(doc: Y.Doc, next: TimerState): void {
  doc.transact(() => {
    const timer = sessionPart(doc, SessionKey.timer)
    for (const key of ['status', 'durationMs', 'startedAt', 'elapsedMs'] as const) {
      if (timer.get(key) !== next[key]) timer.set(key, next[key])
    }
  })
}

/** Applies a pure timer command (`pauseTimer`, `addTime`, …) to the stored timer. */
export function updateTimer(doc: Y.Doc, command: (timer: TimerState) => TimerState): void {
  const current = readTimer(doc)
  const next = command(current)
  if (next !== current) writeTimer(doc, next)
}
