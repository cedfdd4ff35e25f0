import * as Y from 'yjs'
import { Root } from './roots.ts'
import { newId } from './ids.ts'
import {
  readBoolean,
  readMap,
  readSet,
  readString,
  readText,
  readTextString,
  transact,
} from './read.ts'
import { writeTextField } from './textFields.ts'
import { insertRanked, orderedEntries, placeAt, type ItemFilter } from './ordering/rankedMap.ts'
import { allValues } from './meta.ts'
import {
  BUILDING_BLOCKS,
  DEFAULT_VALUES,
  isBuildingBlock,
  type BuildingBlock,
} from './vocabulary.ts'
import { compareStrings } from './ordering/rank.ts'

export interface PrincipleView {
  id: string
  statement: string
  rationale: string
  values: string[]
  buildingBlocks: BuildingBlock[]
  rank: string
}

export interface AddPrincipleInput {
  statement: string
  /** Insert after this principle; null = first, undefined (or an unknown id) = last. */
  after?: string | null
  rationale?: string
  values?: string[]
  buildingBlocks?: BuildingBlock[]
  /** Where it came from, e.g. the revealed cards or vote it was drafted from. */
  provenance?: string
}

const visible: ItemFilter = (item) => !readBoolean(item, 'removed')
const removed: ItemFilter = (item) => readBoolean(item, 'removed')

export function principlesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(Root.principles)
}

/** Default values in their canonical order, then any others alphabetically. */
function sortValues(values: string[]): string[] {
  const known = DEFAULT_VALUES.filter((value) => values.includes(value))
  const other = values.filter((value) => !DEFAULT_VALUES.includes(value)).sort(compareStrings)
  return [...known, ...other]
}

function toView(id: string, rank: string, item: Y.Map<unknown>): PrincipleView {
  const blocks = readSet(item, 'buildingBlocks')
  return {
    id,
    statement: readTextString(item, 'statement'),
    rationale: readTextString(item, 'rationale'),
    values: sortValues(readSet(item, 'values')),
    buildingBlocks: BUILDING_BLOCKS.filter((block) => blocks.includes(block)),
    rank,
  }
}

/** Principles that are not removed, in order. */
export function listPrinciples(doc: Y.Doc): PrincipleView[] {
  return orderedEntries(principlesMap(doc), visible).map((e) => toView(e.id, e.rank, e.item))
}

/** Soft-deleted principles, in the order they would have (DM-19). */
export function listRemovedPrinciples(doc: Y.Doc): PrincipleView[] {
  return orderedEntries(principlesMap(doc), removed).map((e) => toView(e.id, e.rank, e.item))
}

export function principleMap(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  return readMap(principlesMap(doc), id)
}

/** The statement as collaborative text; undefined on an old document where it is a string. */
export function principleStatement(doc: Y.Doc, id: string): Y.Text | undefined {
  const principle = principleMap(doc, id)
  return principle ? readText(principle, 'statement') : undefined
}

export function principleRationale(doc: Y.Doc, id: string): Y.Text | undefined {
  const principle = principleMap(doc, id)
  return principle ? readText(principle, 'rationale') : undefined
}

export function principleProvenance(doc: Y.Doc, id: string): string {
  const principle = principleMap(doc, id)
  return principle ? readString(principle, 'provenance') : ''
}

export function addPrinciple(doc: Y.Doc, input: AddPrincipleInput): string {
  const blocks = input.buildingBlocks ?? []
  for (const block of blocks) {
    if (!isBuildingBlock(block)) throw new RangeError(`Unknown building block: ${String(block)}`)
  }
  const id = newId()
  insertRanked(
    principlesMap(doc),
    id,
    input.after,
    (principle) => {
      principle.set('statement', new Y.Text(input.statement))
      principle.set('rationale', new Y.Text(input.rationale ?? ''))
      const values = new Y.Map<unknown>()
      principle.set('values', values)
      for (const value of input.values ?? []) values.set(value, true)
      const buildingBlocks = new Y.Map<unknown>()
      principle.set('buildingBlocks', buildingBlocks)
      for (const block of blocks) buildingBlocks.set(block, true)
      principle.set('createdAt', Date.now())
      principle.set('provenance', input.provenance ?? '')
      principle.set('removed', false)
    },
    visible,
  )
  return id
}

export function updatePrinciple(doc: Y.Doc, id: string, patch: { statement?: string }): void {
  const principle = principleMap(doc, id)
  if (!principle || patch.statement === undefined) return
  const statement = patch.statement
  transact(principle, () => writeTextField(principle, 'statement', statement))
}

function toggle(principle: Y.Map<unknown>, key: string, member: string, on: boolean): void {
  transact(principle, () => {
    let set = readMap(principle, key)
    if (!set) {
      if (!on) return
      set = new Y.Map<unknown>()
      principle.set(key, set)
    }
    if (on && set.get(member) !== true) set.set(member, true)
    if (!on && set.has(member)) set.delete(member)
  })
}

export function togglePrincipleValue(doc: Y.Doc, id: string, value: string, on: boolean): void {
  const principle = principleMap(doc, id)
  if (principle && value !== '') toggle(principle, 'values', value, on)
}

export function togglePrincipleBuildingBlock(
  doc: Y.Doc,
  id: string,
  block: BuildingBlock,
  on: boolean,
): void {
  if (!isBuildingBlock(block)) throw new RangeError(`Unknown building block: ${String(block)}`)
  const principle = principleMap(doc, id)
  if (principle) toggle(principle, 'buildingBlocks', block, on)
}

/** Move a principle to `toIndex` among the principles that are not removed (DM-3). */
export function movePrinciple(doc: Y.Doc, id: string, toIndex: number): void {
  placeAt(principlesMap(doc), id, toIndex, visible)
}

function setRemoved(doc: Y.Doc, id: string, value: boolean): void {
  const principle = principleMap(doc, id)
  if (!principle) return
  transact(principle, () => {
    if (principle.get('removed') !== value) principle.set('removed', value)
  })
}

/**
 * Soft delete (DM-19): the principle, its text and the actions' links to it stay in the
 * document; readers leave it out until it is restored.
 */
export function removePrinciple(doc: Y.Doc, id: string): void {
  setRemoved(doc, id, true)
}

/** Undo a soft delete; it comes back at the place its rank gives it, with its links. */
export function restorePrinciple(doc: Y.Doc, id: string): void {
  setRemoved(doc, id, false)
}

/** Whether the principle exists and is soft-deleted. */
export function isPrincipleRemoved(doc: Y.Doc, id: string): boolean {
  const principle = principleMap(doc, id)
  return principle ? readBoolean(principle, 'removed') : false
}

/** Values (default and the team's own) and building blocks that no principle is tagged with. */
export function coverage(doc: Y.Doc): {
  valuesWithoutPrinciple: string[]
  buildingBlocksWithoutPrinciple: BuildingBlock[]
} {
  const principles = listPrinciples(doc)
  const values = new Set(principles.flatMap((p) => p.values))
  const blocks = new Set(principles.flatMap((p) => p.buildingBlocks))
  return {
    valuesWithoutPrinciple: allValues(doc).filter((value) => !values.has(value)),
    buildingBlocksWithoutPrinciple: BUILDING_BLOCKS.filter((block) => !blocks.has(block)),
  }
}
