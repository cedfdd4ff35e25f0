import {
  isAdopted,
  isPaused,
  listPhases,
  lockedSections,
  readAgendaState,
  readFollow,
  readTimer,
  Root,
  type AgendaState,
  type FollowTarget,
  type PhaseView,
  type TimerState,
} from '@koers/doc-model'
import type * as Y from 'yjs'
import { useDocValue } from '../common/useDocValue.ts'

export interface StudyDayState {
  phases: PhaseView[]
  agenda: AgendaState
  timer: TimerState
  follow: FollowTarget
  paused: boolean
  locked: string[]
}

function readStudyDay(doc: Y.Doc): StudyDayState {
  return {
    phases: listPhases(doc),
    agenda: readAgendaState(doc),
    timer: readTimer(doc),
    follow: readFollow(doc),
    paused: isPaused(doc),
    locked: [...lockedSections(doc)].sort(),
  }
}

/** The study day as stored in the `session` root (sections too: phases list linked ones). */
export function useStudyDay(doc: Y.Doc): StudyDayState {
  return useDocValue(doc, [Root.session, Root.sections], readStudyDay)
}

export type DocumentLock = 'adopted' | 'paused' | null

/** Why the whole document is read-only for an editor right now (PERM-9, PERM-10). */
export function useDocumentLock(doc: Y.Doc): DocumentLock {
  return useDocValue(doc, [Root.session, Root.adoption], (d) =>
    isAdopted(d) ? 'adopted' : isPaused(d) ? 'paused' : null,
  )
}

export function useSectionLocked(doc: Y.Doc, sectionId: string): boolean {
  return useDocValue(doc, [Root.session], (d) => lockedSections(d).has(sectionId))
}
