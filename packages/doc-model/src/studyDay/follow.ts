import type * as Y from 'yjs'
import { readBoolean, readMap, readString } from '../read.ts'
import { sessionMap, sessionPart, SessionKey } from '../session.ts'

/** "Meekijken met de procesbegeleider" (STUDY-6): on or off, and where the facilitator is. */
export interface FollowTarget {
  on: boolean
  /** The facilitator's tab (`text`, `principles`, …), '' when unknown. */
  tab: string
  /** The section the facilitator is at, '' for none. */
  section: string
}

export const FOLLOW_OFF: FollowTarget = { on: false, tab: '', section: '' }

export function readFollow(doc: Y.Doc): FollowTarget {
  const follow = readMap(sessionMap(doc), SessionKey.follow)
  if (!follow) return FOLLOW_OFF
  return {
    on: readBoolean(follow, 'on'),
    tab: readString(follow, 'tab'),
    section: readString(follow, 'section'),
  }
}

/** Writes only the fields that change, so following a steady facilitator costs nothing. */
export function setFollow(doc: Y.Doc, patch: Partial<FollowTarget>): void {
  const current = readFollow(doc)
  const changed = (Object.keys(patch) as (keyof FollowTarget)[]).filter(
    (key) => patch[key] !== undefined && patch[key] !== current[key],
  )
  if (changed.length === 0) return
  doc.transact(() => {
    const follow = sessionPart(doc, SessionKey.follow)
    for (const key of changed) follow.set(key, patch[key])
  })
}
