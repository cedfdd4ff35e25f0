import {
  areValidKeys,
  BoardKey,
  childSpec,
  COLLECTION_ROOTS,
  EDITOR_PROTECTED_ROOTS,
  hasValidAttributes,
  hasValidInlineContent,
  isAdopted,
  isPaused,
  isPlainText,
  isValidSubtree,
  isValidValue,
  lockedSections,
  nodeTypeOf,
  ROOT_SPECS,
  Root,
  sectionIdFromRootName,
  type FieldSpec,
} from '@koers/doc-model'
import type { PermissionDeniedReason } from '@koers/protocol'
import * as Y from 'yjs'
import type { SharedType, TransactionChanges, TypeChange } from '../sync/transactionChanges.ts'
import type { Role } from './role.ts'

/**
 * Who may write what: the one place where roles and the document's state become rules.
 * - PERM-3 viewer: no document writes (dropped before they are applied);
 * - PERM-4 editor: never `adoption` or `session`;
 * - PERM-9 editor: nothing while the vision is adopted (`vastgesteld`);
 * - PERM-10 editor: nothing during a pause;
 * - PERM-11 editor: nothing of a locked section but its place in the order (`rank`);
 * - PERM-12 editor: no hard deletion of a section, principle or action (soft delete only);
 * - ROUND-6 editor: on the `board`, only a card's `cluster` and `rank`, and the clusters;
 * - PERM-5 facilitator: everything the schema allows;
 * - DM-16/DM-18 everyone: the transaction leaves the document inside its schema.
 * Every other change of the same transaction stays.
 */
export type DocumentAccess = { kind: 'read-only' } | { kind: 'write' }

export const documentAccessFor = (role: Role): DocumentAccess =>
  role === 'viewer' ? { kind: 'read-only' } : { kind: 'write' }

/** Why a change was reverted; sent with `permission denied` (PROTO-4). */
export type DenyReason = Exclude<PermissionDeniedReason, 'read-only'>

/** A part of the document whose changes in this transaction are reverted, and why. */
export interface Refusal {
  scope: SharedType
  reason: DenyReason
}

/** The document's state that the rules depend on, read before the transaction. */
export interface WriteState {
  adopted: boolean
  paused: boolean
  locked: ReadonlySet<string>
}

export const readWriteState = (doc: Y.Doc): WriteState => ({
  adopted: isAdopted(doc),
  paused: isPaused(doc),
  locked: lockedSections(doc),
})

/** Fields of a revealed card an editor may change: which cluster it is in, and its place. */
const CARD_FIELDS_FOR_EDITORS: ReadonlySet<string | null> = new Set(['cluster', 'rank'])

/**
 * ROUND-6: cards are revealed by the server (ROUND-4); an editor never adds, removes or rewrites
 * one, but everyone clusters: moves cards between clusters, and adds, renames, moves, merges and
 * removes clusters (removing a cluster only ungroups its cards).
 */
const boardRefusal = (change: TypeChange): Refusal | null => {
  const { rootType, path, keys, type } = change
  const [part, cardId] = path
  if (path.length === 0) return { scope: rootType, reason: 'protected' }
  if (part === BoardKey.clusters) return null
  if (part === BoardKey.cards && path.length === 2 && cardId != null) {
    const onlyPlace = [...keys].every((key) => CARD_FIELDS_FOR_EDITORS.has(key))
    return onlyPlace ? null : { scope: type, reason: 'protected' }
  }
  return { scope: type, reason: 'protected' }
}

const editorRefusal = (
  change: TypeChange,
  state: WriteState,
  tx: TransactionChanges,
): Refusal | null => {
  const { root, rootType, path, keys, type } = change
  if (EDITOR_PROTECTED_ROOTS.includes(root)) return { scope: rootType, reason: 'protected' }
  if (state.adopted) return { scope: rootType, reason: 'adopted' }
  if (state.paused) return { scope: rootType, reason: 'paused' }
  const bodyOf = sectionIdFromRootName(root)
  if (bodyOf !== null && state.locked.has(bodyOf)) return { scope: rootType, reason: 'locked' }
  if (root === Root.board) return boardRefusal(change)
  if (root === Root.sections) {
    const [sectionId] = path
    if (path.length === 0 && [...keys].some((key) => key !== null && state.locked.has(key))) {
      return { scope: rootType, reason: 'locked' }
    }
    if (sectionId != null && state.locked.has(sectionId)) {
      const onlyRank = path.length === 1 && [...keys].every((key) => key === 'rank')
      if (!onlyRank) return { scope: type, reason: 'locked' }
    }
  }
  // Removing or replacing a whole item would lose what others wrote in it.
  if (COLLECTION_ROOTS.has(root) && path.length === 0) {
    const replaced = [...keys].some((key) => key !== null && tx.deletedChildOf(type, key))
    if (replaced) return { scope: rootType, reason: 'protected' }
  }
  return null
}

const specAt = (root: string, path: (string | null)[]): FieldSpec | null => {
  let spec: FieldSpec | null = ROOT_SPECS[root] ?? null
  for (const key of path) {
    if (!spec) return null
    spec = childSpec(spec, key)
  }
  return spec
}

const isValidFieldChange = (change: TypeChange, tx: TransactionChanges): boolean => {
  const { type, keys, root, path } = change
  const spec = specAt(root, path)
  if (!spec) return false
  const names = [...keys].filter((key): key is string => key !== null)
  if (type instanceof Y.Text) {
    return spec.kind === 'text' && names.length === 0 && isPlainText(type, spec.max)
  }
  if (type instanceof Y.Array) {
    if (spec.kind !== 'log' || type.length > spec.maxEntries || tx.deletedChildOf(type)) {
      return false
    }
    const entry = childSpec(spec, null)!
    return type
      .toArray()
      .every(
        (value) =>
          value instanceof Y.Map &&
          (value._item === null || !tx.isNew(value._item) || isValidValue(entry, value)),
      )
  }
  if (type instanceof Y.Map) {
    // A map has keys, never list content; an entry of an append-only log never changes.
    if (keys.has(null) || path.includes(null)) return false
    return spec.kind !== 'text' && areValidKeys(spec, type as Y.Map<unknown>, names)
  }
  return false
}

const isValidBodyChange = (change: TypeChange, tx: TransactionChanges, doc: Y.Doc): boolean => {
  const { type, keys, root, path } = change
  const sectionId = sectionIdFromRootName(root)
  if (sectionId === null || !doc.getMap(Root.sections).has(sectionId)) return false
  const names = [...keys].filter((key): key is string => key !== null)
  if (type instanceof Y.XmlText) return names.length === 0 && hasValidInlineContent(type, tx.isNew)
  if (!(type instanceof Y.XmlFragment)) return false
  if (names.length > 0 && !(type instanceof Y.XmlElement && hasValidAttributes(type, names))) {
    return false
  }
  if (!keys.has(null)) return true
  const parentType = nodeTypeOf(type)
  return type
    .toArray()
    .every(
      (child) =>
        !child._item ||
        !tx.isNew(child._item) ||
        isValidSubtree(parentType, child, path.length + 1),
    )
}

/** DM-16, DM-18: whether a change keeps its part of the document inside the schema. */
const schemaRefusal = (change: TypeChange, tx: TransactionChanges, doc: Y.Doc): Refusal | null => {
  const isBody = sectionIdFromRootName(change.root) !== null
  if (!isBody && !(change.root in ROOT_SPECS)) return { scope: change.rootType, reason: 'invalid' }
  const valid = isBody ? isValidBodyChange(change, tx, doc) : isValidFieldChange(change, tx)
  if (valid) return null
  return { scope: isBody ? change.rootType : change.type, reason: 'invalid' }
}

/** Judges one applied transaction: the parts to revert, or an empty list when all may stay. */
export const judgeTransaction = (
  role: Role,
  state: WriteState,
  tx: TransactionChanges,
  doc: Y.Doc,
): Refusal[] => {
  const refusals: Refusal[] = []
  for (const change of tx.changes) {
    const refusal =
      (role === 'editor' ? editorRefusal(change, state, tx) : null) ??
      schemaRefusal(change, tx, doc)
    if (refusal) refusals.push(refusal)
  }
  return [...refusals, ...orphanedBodies(refusals, tx, doc)]
}

/**
 * When the sections of this transaction are reverted, a section it created disappears again;
 * a body it wrote for that section goes with it, or the body would be left without a section.
 */
const orphanedBodies = (refusals: Refusal[], tx: TransactionChanges, doc: Y.Doc): Refusal[] => {
  const sections = doc.getMap<unknown>(Root.sections)
  const refused = refusals.find((refusal) => refusal.scope === sections)
  if (!refused) return []
  return tx.changes.flatMap((change) => {
    const sectionId = sectionIdFromRootName(change.root)
    const entry = sectionId === null ? undefined : sections._map.get(sectionId)
    return entry && tx.isNew(entry) ? [{ scope: change.rootType, reason: refused.reason }] : []
  })
}
