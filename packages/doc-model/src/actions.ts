import * as Y from 'yjs'
import { Root } from './roots.ts'
import { newId } from './ids.ts'
import { readMap, readString, readText, readTextString, transact } from './read.ts'
import { writeTextField } from './textFields.ts'
import { insertRanked, orderedEntries, placeAt } from './ordering/rankedMap.ts'
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

export function listActions(doc: Y.Doc): ActionView[] {
  return orderedEntries(actionsMap(doc)).map(({ id, rank, item }) => {
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
  })
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
  insertRanked(actionsMap(doc), id, input.after, (action) => {
    action.set('what', new Y.Text(input.what ?? ''))
    action.set('owner', new Y.Text(input.owner ?? ''))
    action.set('due', input.due ?? '')
    action.set('status', input.status ?? 'open')
    action.set('principleId', input.principleId ?? '')
    if (input.provenance !== undefined) action.set('provenance', input.provenance)
  })
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

export function moveAction(doc: Y.Doc, id: string, toIndex: number): void {
  placeAt(actionsMap(doc), id, toIndex)
}

export function removeAction(doc: Y.Doc, id: string): void {
  const map = actionsMap(doc)
  if (map.has(id)) doc.transact(() => map.delete(id))
}
