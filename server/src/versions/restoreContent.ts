import { BODY_ROOT_PREFIX, ROOT_SPECS, Root } from '@koers/doc-model'
import { diffArrays } from 'diff'
import * as Y from 'yjs'

/**
 * VER-5: the roots a restore leaves as they are. The adoption status and its append-only history
 * (DM-17) record decisions about the live vision, and `session` holds the live study day
 * (pause, locks, rounds); going back to an older text changes neither. The `board` goes with
 * the rounds in `session` (its cards are what they revealed, ROUND-4), so it stays too.
 */
export const RESTORE_KEEPS: ReadonlySet<string> = new Set([Root.adoption, Root.session, Root.board])

/** The map roots a restore rewrites: every declared root except the kept ones. */
const MAP_ROOTS = Object.keys(ROOT_SPECS).filter((name) => !RESTORE_KEEPS.has(name))

type XmlNode = Y.XmlElement | Y.XmlText | Y.XmlHook
type XmlParent = Y.XmlFragment | Y.XmlElement

const isYType = (value: unknown): value is Y.AbstractType<unknown> =>
  value instanceof Y.AbstractType

/** A copy of a value for another document: Y types are cloned deep, the rest is kept. */
const copyValue = (value: unknown): unknown => (isYType(value) ? value.clone() : value)

const samePlain = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b))

/** One character (or embed) of a text with its formatting, for comparing two texts. */
interface TextUnit {
  value: string | object
  attributes: Record<string, unknown> | undefined
  key: string
}

const unitsOf = (text: Y.Text): TextUnit[] => {
  const units: TextUnit[] = []
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const attributes = op.attributes
    const formatKey = attributes ? JSON.stringify(attributes) : ''
    if (typeof op.insert === 'string') {
      for (const char of op.insert)
        units.push({ value: char, attributes, key: `${char}${formatKey}` })
    } else if (typeof op.insert === 'object' && op.insert !== null && !isYType(op.insert)) {
      units.push({
        value: op.insert,
        attributes,
        key: `\u0000${JSON.stringify(op.insert)}${formatKey}`,
      })
    }
  }
  return units
}

/** String length of a unit in Yjs positions: a character outside the BMP counts two. */
const unitLength = (unit: TextUnit): number =>
  typeof unit.value === 'string' ? unit.value.length : 1

/**
 * Turns `live` into the text (and formatting) of `target` with one splice: the common prefix and
 * suffix stay, so typing elsewhere in the text concurrently with the restore is kept.
 */
export const restoreText = (live: Y.Text, target: Y.Text): void => {
  const from = unitsOf(live)
  const to = unitsOf(target)
  let start = 0
  while (start < from.length && start < to.length && from[start]!.key === to[start]!.key) start++
  let end = 0
  while (
    end < from.length - start &&
    end < to.length - start &&
    from[from.length - 1 - end]!.key === to[to.length - 1 - end]!.key
  ) {
    end++
  }
  const removed = from.slice(start, from.length - end)
  const added = to.slice(start, to.length - end)
  if (removed.length === 0 && added.length === 0) return
  let index = from.slice(0, start).reduce((sum, unit) => sum + unitLength(unit), 0)
  const removedLength = removed.reduce((sum, unit) => sum + unitLength(unit), 0)
  // Runs of equal formatting, inserted with exactly that formatting (`{}`: none, not inherited).
  let run = ''
  let runKey: string | null = null
  let runAttributes: Record<string, unknown> = {}
  const flush = (): void => {
    if (run === '') return
    live.insert(index, run, { ...runAttributes })
    index += run.length
    run = ''
  }
  for (const unit of added) {
    const formatKey = unit.attributes ? JSON.stringify(unit.attributes) : ''
    if (typeof unit.value !== 'string') {
      flush()
      live.insertEmbed(index, unit.value, { ...(unit.attributes ?? {}) })
      index += 1
      continue
    }
    if (runKey !== formatKey) {
      flush()
      runKey = formatKey
      runAttributes = unit.attributes ?? {}
    }
    run += unit.value
  }
  flush()
  // Deleted after inserting: Yjs places text inserted just before deleted characters after
  // them, where it would tie with someone typing at the end of the old text and could land
  // before the restored text. Inserted first, the restored text sits where the old one began.
  if (removedLength > 0) live.delete(index, removedLength)
}

/** Turns `live` into `target` key by key, recursing into maps and texts of the same kind. */
export const restoreMap = (live: Y.Map<unknown>, target: Y.Map<unknown>): void => {
  for (const key of [...live.keys()]) if (!target.has(key)) live.delete(key)
  restoreEntries(live, target)
}

const restoreEntries = (live: Y.Map<unknown>, target: Y.Map<unknown>): void => {
  for (const [key, wanted] of target.entries()) {
    const current = live.get(key)
    if (!live.has(key)) {
      live.set(key, copyValue(wanted))
    } else if (isYType(wanted) || isYType(current)) {
      if (!isYType(wanted) || !isYType(current) || wanted.constructor !== current.constructor) {
        live.set(key, copyValue(wanted))
      } else if (wanted instanceof Y.Map) {
        restoreMap(current as Y.Map<unknown>, wanted as Y.Map<unknown>)
      } else if (wanted instanceof Y.Text) {
        restoreText(current as Y.Text, wanted)
      } else if (wanted instanceof Y.XmlFragment) {
        restoreXml(current as Y.XmlFragment, wanted)
      } else if (JSON.stringify(current.toJSON()) !== JSON.stringify(wanted.toJSON())) {
        live.set(key, copyValue(wanted))
      }
    } else if (!samePlain(current, wanted)) {
      live.set(key, wanted)
    }
  }
}

/** Whether two nodes can be turned into each other in place (same kind and element name). */
const sameShape = (a: XmlNode, b: XmlNode): boolean =>
  a.constructor === b.constructor &&
  (!(a instanceof Y.XmlElement) || a.nodeName === (b as Y.XmlElement).nodeName)

const nodeKey = (node: XmlNode): string =>
  node instanceof Y.XmlHook ? `hook:${JSON.stringify(node.toJSON())}` : node.toString()

const restoreAttributes = (live: Y.XmlElement, target: Y.XmlElement): void => {
  const wanted = target.getAttributes() as Record<string, unknown>
  const current = live.getAttributes() as Record<string, unknown>
  for (const name of Object.keys(current)) if (!(name in wanted)) live.removeAttribute(name)
  for (const [name, value] of Object.entries(wanted)) {
    if (!samePlain(current[name], value)) live.setAttribute(name, value as string)
  }
}

const restoreNode = (live: XmlNode, target: XmlNode): void => {
  if (live instanceof Y.XmlText && target instanceof Y.XmlText) return restoreText(live, target)
  if (live instanceof Y.XmlElement && target instanceof Y.XmlElement) {
    restoreAttributes(live, target)
    return restoreXml(live, target)
  }
}

/**
 * Turns the children of `live` into those of `target`. Equal children stay untouched (a word
 * diff of the children's XML); of a changed stretch, children of the same kind are rewritten in
 * place (paragraph by paragraph, text by one splice), the rest are removed or inserted as copies.
 * So a person typing in a paragraph the restore only changes keeps what they type.
 */
export const restoreXml = (live: XmlParent, target: XmlParent): void => {
  const from = live.toArray() as XmlNode[]
  const to = target.toArray() as XmlNode[]
  const changes = diffArrays(from.map(nodeKey), to.map(nodeKey))
  let index = 0
  let source = 0
  let wanted = 0
  let removed = 0
  let added = 0
  const settle = (): void => {
    const pairs = Math.min(removed, added)
    let paired = 0
    while (paired < pairs && sameShape(from[source + paired]!, to[wanted + paired]!)) {
      restoreNode(from[source + paired]!, to[wanted + paired]!)
      paired++
    }
    index += paired
    if (removed > paired) live.delete(index, removed - paired)
    const inserts = to.slice(wanted + paired, wanted + added).map((node) => node.clone())
    // Y.XmlHook is not in `insert`'s type but Yjs stores it like any child.
    if (inserts.length > 0) live.insert(index, inserts as (Y.XmlElement | Y.XmlText)[])
    index += inserts.length
    source += removed
    wanted += added
    removed = 0
    added = 0
  }
  for (const change of changes) {
    if (change.removed) removed += change.count ?? change.value.length
    else if (change.added) added += change.count ?? change.value.length
    else {
      settle()
      const count = change.count ?? change.value.length
      index += count
      source += count
      wanted += count
    }
  }
  settle()
}

/** The body roots of a document (`body:<sectionId>`), typed as fragments. */
const bodyRootNames = (doc: Y.Doc): string[] =>
  [...doc.share.keys()].filter((name) => name.startsWith(BODY_ROOT_PREFIX))

/**
 * Sections the version did not have are removed as a person removes them (`removed`, DM-10),
 * not deleted: their title and body stay (under "Verwijderde onderdelen"), and typing in such a
 * section while the restore happens lands in a section that still exists. Returns their ids.
 */
const softRemoveNewSections = (live: Y.Map<unknown>, target: Y.Map<unknown>): Set<string> => {
  const kept = new Set<string>()
  for (const [id, item] of live.entries()) {
    if (target.has(id)) continue
    if (!(item instanceof Y.Map)) {
      live.delete(id)
      continue
    }
    kept.add(id)
    if (item.get('removed') !== true) item.set('removed', true)
  }
  return kept
}

/**
 * VER-5: turns the content of `live` into the content of `target` (another document, e.g. a
 * version read from its state): every root except `RESTORE_KEEPS`, maps field by field, texts
 * by one splice, bodies child by child; sections the version lacks are soft-removed. Call it
 * inside one transaction on `live`; the result is one change that every replica merges with
 * what is typed meanwhile.
 */
export const restoreContent = (live: Y.Doc, target: Y.Doc): void => {
  let keptSections = new Set<string>()
  for (const name of MAP_ROOTS) {
    const liveRoot = live.getMap(name)
    const targetRoot = target.getMap(name)
    if (name === Root.sections) {
      keptSections = softRemoveNewSections(liveRoot, targetRoot)
      restoreEntries(liveRoot, targetRoot)
    } else {
      restoreMap(liveRoot, targetRoot)
    }
  }
  const bodies = new Set([...bodyRootNames(live), ...bodyRootNames(target)])
  for (const name of bodies) {
    if (keptSections.has(name.slice(BODY_ROOT_PREFIX.length))) continue
    restoreXml(live.getXmlFragment(name), target.getXmlFragment(name))
  }
}
