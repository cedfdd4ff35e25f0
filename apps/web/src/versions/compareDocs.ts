import {
  listActions,
  listPrinciples,
  listSections,
  sectionBody,
  type ActionView,
  type PrincipleView,
} from '@koers/doc-model'
import { diffWordsWithSpace } from 'diff'
import * as Y from 'yjs'

/** One run of a word diff: kept, added or removed text. */
export interface TextPart {
  kind: 'same' | 'added' | 'removed'
  text: string
}

export interface SectionChange {
  id: string
  title: string
  /** The section is only in the newer document, or only in the older one. */
  status: 'added' | 'removed' | 'changed' | 'same'
  parts: TextPart[]
}

export interface ItemChange {
  id: string
  label: string
  status: 'added' | 'removed' | 'changed'
}

export interface Comparison {
  sections: SectionChange[]
  principles: ItemChange[]
  actions: ItemChange[]
}

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock'])

/** A section body as plain text: one block a line, paragraphs apart by a blank line. */
export function bodyText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = []
  let line = ''
  const walk = (node: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        line += child
          .toDelta()
          .map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
          .join('')
      } else if (child instanceof Y.XmlElement) {
        if (child.nodeName === 'hardBreak') {
          line += '\n'
          continue
        }
        walk(child)
        if (BLOCKS.has(child.nodeName) && line.trim() !== '') {
          lines.push(line.trim())
          line = ''
        }
      }
    }
  }
  walk(fragment)
  if (line.trim() !== '') lines.push(line.trim())
  return lines.join('\n\n')
}

/**
 * A word-level diff of two texts (whitespace kept), merged into readable runs: changed words
 * separated only by spaces read as one removed phrase followed by one added phrase
 * ("~~in de klas~~ elke dag weer"), not word by word.
 */
export function diffText(before: string, after: string): TextPart[] {
  const parts: TextPart[] = []
  let removed = ''
  let added = ''
  let gap = ''
  const flush = (): void => {
    // A side that is only the spaces between changes has nothing to show.
    if (removed.trim()) parts.push({ kind: 'removed', text: removed })
    if (added.trim()) parts.push({ kind: 'added', text: added })
    if (gap) parts.push({ kind: 'same', text: gap })
    removed = added = gap = ''
  }
  for (const change of diffWordsWithSpace(before, after)) {
    if (change.added || change.removed) {
      // Spaces between two changes belong to both sides of the one change.
      removed += gap
      added += gap
      gap = ''
      if (change.added) added += change.value
      else removed += change.value
    } else if (/^\s+$/.test(change.value) && (removed || added)) {
      gap += change.value
    } else {
      flush()
      parts.push({ kind: 'same', text: change.value })
    }
  }
  flush()
  return parts
}

const principleKey = (p: PrincipleView) =>
  JSON.stringify([p.statement, p.rationale, [...p.values].sort(), [...p.buildingBlocks].sort()])
const actionKey = (a: ActionView) =>
  JSON.stringify([a.what, a.owner, a.due, a.status, a.principleId])

function compareItems<T extends { id: string }>(
  older: T[],
  newer: T[],
  key: (item: T) => string,
  label: (item: T, index: number) => string,
): ItemChange[] {
  const before = new Map(older.map((item) => [item.id, item]))
  const after = new Set(newer.map((item) => item.id))
  const changes: ItemChange[] = []
  newer.forEach((item, index) => {
    const old = before.get(item.id)
    if (!old) changes.push({ id: item.id, label: label(item, index), status: 'added' })
    else if (key(old) !== key(item))
      changes.push({ id: item.id, label: label(item, index), status: 'changed' })
  })
  older.forEach((item, index) => {
    if (!after.has(item.id))
      changes.push({ id: item.id, label: label(item, index), status: 'removed' })
  })
  return changes
}

/**
 * What changed from `older` to `newer`: per visible section the words added and removed, and the
 * principles and action points added, removed or changed. Sections in the newer order; sections
 * only the older one has come last.
 */
export function compareDocs(
  older: Y.Doc,
  newer: Y.Doc,
  untitled: (n: number) => string,
): Comparison {
  const olderSections = listSections(older)
  const newerSections = listSections(newer)
  const olderById = new Map(olderSections.map((s) => [s.id, s]))
  const newerIds = new Set(newerSections.map((s) => s.id))
  const sections: SectionChange[] = newerSections.map((section) => {
    const old = olderById.get(section.id)
    const after = bodyText(sectionBody(newer, section.id))
    if (!old) {
      return {
        id: section.id,
        title: section.title,
        status: 'added',
        parts: after ? [{ kind: 'added', text: after }] : [],
      }
    }
    const before = bodyText(sectionBody(older, section.id))
    const titleChanged = old.title !== section.title
    const parts = diffText(before, after)
    const changed = titleChanged || parts.some((part) => part.kind !== 'same')
    return { id: section.id, title: section.title, status: changed ? 'changed' : 'same', parts }
  })
  for (const old of olderSections) {
    if (newerIds.has(old.id)) continue
    const before = bodyText(sectionBody(older, old.id))
    sections.push({
      id: old.id,
      title: old.title,
      status: 'removed',
      parts: before ? [{ kind: 'removed', text: before }] : [],
    })
  }
  return {
    sections,
    principles: compareItems(
      listPrinciples(older),
      listPrinciples(newer),
      principleKey,
      (p, i) => p.statement || untitled(i + 1),
    ),
    actions: compareItems(
      listActions(older),
      listActions(newer),
      actionKey,
      (a, i) => a.what || untitled(i + 1),
    ),
  }
}
