import * as Y from 'yjs'
import { Root } from './roots.ts'
import { readBoolean, readMap, readSet } from './read.ts'

// The study day's state in the `session` root: written by facilitators only (PERM-4).

const LOCKS = 'locks'
const PAUSED = 'paused'

function sessionMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(Root.session)
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
  const session = sessionMap(doc)
  doc.transact(() => {
    let locks = readMap(session, LOCKS)
    if (!locks) {
      locks = new Y.Map<unknown>()
      session.set(LOCKS, locks)
    }
    if (locked && locks.get(sectionId) !== true) locks.set(sectionId, true)
    if (!locked && locks.has(sectionId)) locks.delete(sectionId)
  })
}

/** Created with the workspace, so two facilitators never both create the lock set (DM-9). */
export function createSessionState(session: Y.Map<unknown>): void {
  session.set(PAUSED, false)
  session.set(LOCKS, new Y.Map<unknown>())
}
