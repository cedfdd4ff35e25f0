import type { Node } from '@tiptap/pm/model'
import type { Block, HeadingLevel, Inline, Marks } from './types.ts'

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/** The address of a link when it is safe to put in a file others open, else null (EXP-6). */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null
  const trimmed = href.trim()
  try {
    const url = new URL(trimmed)
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null
  } catch {
    return null
  }
}

function marksOf(node: Node): Marks {
  const marks: Marks = {
    bold: false,
    italic: false,
    underline: false,
    strike: false,
    code: false,
    link: null,
  }
  for (const mark of node.marks) {
    const name = mark.type.name
    if (name === 'link') marks.link = safeHref(mark.attrs.href)
    else if (name in marks && name !== 'link') marks[name as Exclude<keyof Marks, 'link'>] = true
  }
  return marks
}

function inlines(node: Node): Inline[] {
  const runs: Inline[] = []
  node.forEach((child) => {
    if (child.isText) runs.push({ kind: 'text', text: child.text ?? '', marks: marksOf(child) })
    else if (child.type.name === 'hardBreak') runs.push({ kind: 'break' })
  })
  return runs
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === 'number' ? value : Number(value)
  if (!Number.isFinite(n)) return fallback
  return Math.min(max, Math.max(min, Math.round(n)))
}

function children(node: Node): Block[] {
  const blocks: Block[] = []
  node.forEach((child) => blocks.push(...toBlock(child)))
  return blocks
}

function toBlock(node: Node): Block[] {
  switch (node.type.name) {
    case 'paragraph':
      // An empty paragraph is spacing in the editor, nothing in an export.
      return node.content.size === 0 ? [] : [{ kind: 'paragraph', inlines: inlines(node) }]
    case 'heading':
      if (node.content.size === 0) return []
      return [
        {
          kind: 'heading',
          // The section title is level 1; the editor offers 2 and 3 below it.
          level: clampInt(node.attrs.level, 2, 6, 2) as HeadingLevel,
          inlines: inlines(node),
        },
      ]
    case 'bulletList':
    case 'orderedList': {
      const items: Block[][] = []
      node.forEach((item) => items.push(children(item)))
      return [
        {
          kind: 'list',
          ordered: node.type.name === 'orderedList',
          start: clampInt(node.attrs.start, 0, 1_000_000, 1),
          items,
        },
      ]
    }
    case 'blockquote':
      return [{ kind: 'quote', blocks: children(node) }]
    case 'codeBlock':
      return [
        {
          kind: 'code',
          language: typeof node.attrs.language === 'string' ? node.attrs.language : '',
          text: node.textContent,
        },
      ]
    case 'horizontalRule':
      return [{ kind: 'rule' }]
    default:
      return children(node)
  }
}

/** The export model of a section body (a `doc` node that fits the schema). */
export function toBlocks(doc: Node): Block[] {
  return children(doc)
}
