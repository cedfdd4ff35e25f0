import { BODY_ROOT_PREFIX, Root } from '@koers/doc-model'
import * as Y from 'yjs'

const KNOWN_ROOTS: ReadonlySet<string> = new Set(Object.values(Root))

/** Any shared type (what `Y.Doc#get` returns). */
export type SharedType = ReturnType<Y.Doc['get']>

/** One type a transaction changed, with where it sits in the document. */
export interface TypeChange {
  type: SharedType
  /** Changed map keys or attribute names; `null` for changed children (arrays, text, XML). */
  keys: ReadonlySet<string | null>
  /** Name of the root the type belongs to ('' for a root the doc does not know by name). */
  root: string
  rootType: SharedType
  /** Keys from the root down to the type (`null` where a parent is a list). */
  path: (string | null)[]
}

/** What one transaction changed, and whether an item was created by it. */
export interface TransactionChanges {
  changes: TypeChange[]
  isNew(item: Y.Item): boolean
  /** Whether the transaction deleted a child of `type` (the value under `key`, if given). */
  deletedChildOf(type: SharedType, key?: string): boolean
}

/**
 * A root the server never read is a plain AbstractType until someone asks for it by kind; the
 * known roots are given their kind (maps, and XML fragments for bodies) before they are judged.
 * Unknown roots stay as they are (and are refused). A root of the wrong kind cannot be typed.
 */
const typedRoot = (doc: Y.Doc, name: string, type: SharedType): SharedType => {
  if (type.constructor !== Y.AbstractType) return type
  try {
    if (name.startsWith(BODY_ROOT_PREFIX)) return doc.getXmlFragment(name)
    if (KNOWN_ROOTS.has(name)) return doc.getMap(name)
  } catch {
    // Defined with another kind elsewhere: judged as it is.
  }
  return type
}

/** Reads a finished transaction: every changed type that existed before it, with its path. */
export function transactionChanges(doc: Y.Doc, tr: Y.Transaction): TransactionChanges {
  const rootNames = new Map<SharedType, string>()
  for (const [name, type] of doc.share) rootNames.set(type, name)
  const changes: TypeChange[] = []
  for (const [changed, keys] of tr.changed) {
    const path: (string | null)[] = []
    let current: SharedType = changed
    while (current._item !== null) {
      path.unshift(current._item.parentSub)
      current = current._item.parent as SharedType
    }
    const root = rootNames.get(current) ?? ''
    const rootType = typedRoot(doc, root, current)
    const type = changed === current ? rootType : changed
    changes.push({ type, keys, root, rootType, path })
  }
  return {
    changes,
    isNew: (item) => item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0),
    deletedChildOf: (type, key) => {
      let found = false
      Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
        if (!(struct instanceof Y.Item) || struct.parent !== type) return
        if (key === undefined || struct.parentSub === key) found = true
      })
      return found
    },
  }
}
