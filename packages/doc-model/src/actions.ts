import * as Y from 'yjs'
import { Root } from './roots.ts'
import { newId } from './ids.ts'
import { readBoolean, readMap, readString, readText, readTextString, transact } from './read.ts'
import { writeTextField } from './textFields.ts'
import { insertRanked, orderedEntries, placeAt, type ItemFilter } from './ordering/rankedMap.ts'
import { isActionStatus, isIsoDate, type ActionStatus } from './vocabulary.ts'

export interface ActionView {
  id: string
  what: string
  owner: string
  /** YYYY-MM-DD or '' */
  due: string
  status: ActionStatus
  principleId: string
  rank: string
}

export type ActionFields = Omit<ActionView, 'id' | 'rank'>
export type AddActionInput = Partial<ActionFields> & {
  after?: string | null
  /** Where it came from (ROUND-13), e.g. a card or a vote's winner. */
  provenance?: string
}

const TEXT_FIELDS = ['what', 'owner'] as const
const FIELDS = ['due', 'status', 'principleId'] as const

/** A free-text field of an action. */
export type ActionTextField = (typeof TEXT_FIELDS)[number]

const visible: ItemFilter = (item) => !readBoolean(item, 'removed')
const removed: ItemFilter = (item) => readBoolean(item, 'removed')

export function actionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(Root.actions)
}

export function actionMap(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  return readMap(actionsMap(doc), id)
}

/** A free-text field as collaborative text; undefined on an old document where it is a string. */
export function actionText(doc: Y.Doc, id: string, field: ActionTextField): Y.Text | undefined {
  const action = actionMap(doc, id)
  return action ? readText(action, field) : undefined
}

function toView(id: string, rank: string, item: Y.Map<unknown>): ActionView {
  const due = item.get('due')
  const status = item.get('status')
  return {
    id,
    what: readTextString(item, 'what'),
    owner: readTextString(item, 'owner'),
    due: isIsoDate(due) ? due : '',
    status: isActionStatus(status) ? status : 'open',
    principleId: readString(item, 'principleId'),
    rank,
  }
}

/** Actions that are not removed, in order. */
export function listActions(doc: Y.Doc): ActionView[] {
  return orderedEntries(actionsMap(doc), visible).map((e) => toView(e.id, e.rank, e.item))
}

/** Soft-deleted actions, in the order they would have (DM-19). */
export function listRemovedActions(doc: Y.Doc): ActionView[] {
  return orderedEntries(actionsMap(doc), removed).map((e) => toView(e.id, e.rank, e.item))
}

/** A copy sorted by due date, actions without a date last; ties keep their order (DM-13). */
export function sortActionsByDue(actions: ActionView[]): ActionView[] {
  return [...actions].sort((a, b) => {
    if (a.due === b.due) return 0
    if (a.due === '') return 1
    if (b.due === '') return -1
    return a.due < b.due ? -1 : 1
  })
}

function check(patch: Partial<ActionFields>): void {
  if (patch.due !== undefined && patch.due !== '' && !isIsoDate(patch.due)) {
    throw new RangeError(`Due date is not YYYY-MM-DD: ${patch.due}`)
  }
  if (patch.status !== undefined && !isActionStatus(patch.status)) {
    throw new RangeError(`Unknown action status: ${String(patch.status)}`)
  }
}

export function addAction(doc: Y.Doc, input: AddActionInput): string {
  check(input)
  const id = newId()
  insertRanked(
    actionsMap(doc),
    id,
    input.after,
    (action) => {
      action.set('what', new Y.Text(input.what ?? ''))
      action.set('owner', new Y.Text(input.owner ?? ''))
      action.set('due', input.due ?? '')
      action.set('status', input.status ?? 'open')
      action.set('principleId', input.principleId ?? '')
      action.set('removed', false)
      if (input.provenance !== undefined) action.set('provenance', input.provenance)
    },
    visible,
  )
  return id
}

export function actionProvenance(doc: Y.Doc, id: string): string {
  const action = actionMap(doc, id)
  return action ? readString(action, 'provenance') : ''
}

export function updateAction(doc: Y.Doc, id: string, patch: Partial<ActionFields>): void {
  check(patch)
  const action = actionMap(doc, id)
  if (!action) return
  transact(action, () => {
    for (const key of TEXT_FIELDS) {
      const value = patch[key]
      if (value !== undefined) writeTextField(action, key, value)
    }
    for (const key of FIELDS) {
      const value = patch[key]
      if (value !== undefined && action.get(key) !== value) action.set(key, value)
    }
  })
}

/** Move an action to `toIndex` among the actions that are not removed (DM-3). */
export function moveAction(doc: Y.Doc, id: string, toIndex: number): void {
  placeAt(actionsMap(doc), id, toIndex, visible)
}

function setRemoved(doc: Y.Doc, id: string, value: boolean): void {
  const action = actionMap(doc, id)
  if (!action) return
  transact(action, () => {
    if (action.get('removed') !== value) action.set('removed', value)
  })
}

/** Soft delete (DM-19): the action and its text stay in the document, restorable. */
export function removeAction(doc: Y.Doc, id: string): void {
  setRemoved(doc, id, true)
}

/** Undo a soft delete; it comes back at the place its rank gives it. */
export function restoreAction(doc: Y.Doc, id: string): void {
  setRemoved(doc, id, false)
}

/** Whether the action exists and is soft-deleted. */
export function isActionRemoved(doc: Y.Doc, id: string): boolean {
  const action = actionMap(doc, id)
  return action ? readBoolean(action, 'removed') : false
}
