import * as Y from 'yjs'
import { Root } from './roots.ts'
import { readBoolean, readMap, readSet } from './read.ts'

// The study day's state in the `session` root: written by facilitators only (PERM-4). The
// agenda, the running phase, the timer and the follow target are in `studyDay/`.

const LOCKS = 'locks'
const PAUSED = 'paused'

/** Keys of the `session` root (DM-16 declares their types in `schema/fields.ts`). */
export const SessionKey = {
  paused: PAUSED,
  locks: LOCKS,
  agenda: 'agenda',
  current: 'current',
  currentSince: 'currentSince',
  dayStartedAt: 'dayStartedAt',
  timer: 'timer',
  follow: 'follow',
  rounds: 'rounds',
} as const

export function sessionMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(Root.session)
}

/**
 * A nested map of the session, created in the caller's transaction when an older document lacks
 * it. New workspaces get every one with the root (DM-9); in an older document two facilitators
 * writing the same part for the first time at the same moment keep one of the two writes.
 */
export function sessionPart(doc: Y.Doc, key: string): Y.Map<unknown> {
  const session = sessionMap(doc)
  let part = readMap(session, key)
  if (!part) {
    part = new Y.Map<unknown>()
    session.set(key, part)
  }
  return part
}

/** "Pauze": the whole document is read-only for editors (PERM-10). */
export function isPaused(doc: Y.Doc): boolean {
  return readBoolean(sessionMap(doc), PAUSED)
}

export function setPaused(doc: Y.Doc, paused: boolean): void {
  const session = sessionMap(doc)
  if (readBoolean(session, PAUSED) !== paused) doc.transact(() => session.set(PAUSED, paused))
}

/** Ids of the sections a facilitator locked (PERM-11). */
export function lockedSections(doc: Y.Doc): Set<string> {
  return new Set(readSet(sessionMap(doc), LOCKS))
}

export function setSectionLocked(doc: Y.Doc, sectionId: string, locked: boolean): void {
  doc.transact(() => {
    const locks = sessionPart(doc, LOCKS)
    if (locked && locks.get(sectionId) !== true) locks.set(sectionId, true)
    if (!locked && locks.has(sectionId)) locks.delete(sectionId)
  })
}

/** Created with the workspace, so two facilitators never both create a part (DM-9). */
export function createSessionState(session: Y.Map<unknown>): void {
  session.set(PAUSED, false)
  session.set(LOCKS, new Y.Map<unknown>())
  session.set(SessionKey.agenda, new Y.Map<unknown>())
  session.set(SessionKey.current, '')
  session.set(SessionKey.currentSince, 0)
  session.set(SessionKey.dayStartedAt, 0)
  const timer = new Y.Map<unknown>()
  session.set(SessionKey.timer, timer)
  timer.set('status', 'stopped')
  timer.set('durationMs', 0)
  timer.set('startedAt', 0)
  timer.set('elapsedMs', 0)
  const follow = new Y.Map<unknown>()
  session.set(SessionKey.follow, follow)
  follow.set('on', false)
  follow.set('tab', '')
  follow.set('section', '')
  session.set(SessionKey.rounds, new Y.Map<unknown>())
}
