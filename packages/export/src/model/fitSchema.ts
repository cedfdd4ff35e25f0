import type { Mark, Node, NodeType, Schema } from '@tiptap/pm/model'
import type { RawNode } from './readFragment.ts'

// Turns raw JSON read from Yjs into nodes that fit the one body schema (DM-12). What fits is
// kept as it is; what does not (an unknown node, text at the root, a list item outside a list,
// a mark the schema lacks) is flattened into what does, so its text survives (EXP-7).

function tryNode(schema: Schema, raw: RawNode): Node | null {
  try {
    const node = schema.nodeFromJSON(raw)
    node.check()
    return node
  } catch {
    return null
  }
}

function marksOf(schema: Schema, parent: NodeType, raw: RawNode): Mark[] {
  const marks: Mark[] = []
  for (const { type, attrs } of raw.marks ?? []) {
    const markType = schema.marks[type]
    if (!markType || !parent.allowsMarkType(markType)) continue
    try {
      marks.push(markType.create(attrs))
    } catch {
      // attributes the mark cannot take: the text stays, unmarked
    }
  }
  return marks
}

/** The inline content of any raw node, nested blocks flattened into their text. */
function inlineContent(schema: Schema, parent: NodeType, items: RawNode[]): Node[] {
  const nodes: Node[] = []
  const code = parent.spec.code === true
  for (const item of items) {
    if (item.type === 'text' && typeof item.text === 'string' && item.text !== '') {
      const marks = marksOf(schema, parent, item)
      try {
        nodes.push(schema.text(item.text, marks))
      } catch {
        nodes.push(schema.text(item.text))
      }
    } else if (item.type === 'hardBreak') {
      nodes.push(code ? schema.text('\n') : schema.nodes.hardBreak!.create())
    } else {
      nodes.push(...inlineContent(schema, parent, item.content ?? []))
    }
  }
  return nodes
}

function textblock(schema: Schema, type: NodeType, raw: RawNode): Node[] {
  const inlines = inlineContent(schema, type, raw.content ?? [])
  for (const attrs of [raw.attrs ?? null, null]) {
    try {
      const node = type.create(attrs, inlines)
      node.check()
      return [node]
    } catch {
      // try again with default attributes, then without marks
    }
  }
  const plain = inlines.map((node) => (node.isText ? schema.text(node.text!) : node))
  return [type.create(null, plain)]
}

function listItem(schema: Schema, raw: RawNode): Node | null {
  const item = schema.nodes.listItem!
  const blocks = fitBlocks(schema, raw.type === 'listItem' ? (raw.content ?? []) : [raw])
  return item.createAndFill(null, blocks)
}

function list(schema: Schema, type: NodeType, raw: RawNode): Node[] {
  const items = (raw.content ?? [])
    .map((child) => listItem(schema, child))
    .filter((node): node is Node => node !== null)
  if (items.length === 0) return []
  for (const attrs of [raw.attrs ?? null, null]) {
    try {
      const node = type.create(attrs, items)
      node.check()
      return [node]
    } catch {
      // default attributes next
    }
  }
  return []
}

/** Nodes of the `block` group: what a document, a quote or a list item may hold. */
function isBlockContent(type: NodeType): boolean {
  return (type.spec.group ?? '').split(' ').includes('block')
}

/** The editor writes numbers here; an old or foreign document may not. */
function cleanAttrs(raw: RawNode): RawNode {
  const attrs = { ...raw.attrs }
  const whole = (value: unknown, min: number, max: number, fallback: number) => {
    const n = typeof value === 'number' ? value : Number(value)
    return Number.isInteger(n) && n >= min && n <= max ? n : fallback
  }
  if (raw.type === 'heading') attrs.level = whole(attrs.level, 1, 6, 2)
  if (raw.type === 'orderedList') attrs.start = whole(attrs.start, 0, 1_000_000, 1)
  return { ...raw, attrs }
}

function fitBlock(schema: Schema, rawNode: RawNode): Node[] {
  const raw = cleanAttrs(rawNode)
  const whole = tryNode(schema, raw)
  if (whole && isBlockContent(whole.type)) return [whole]
  const type = schema.nodes[raw.type]
  if (type?.isTextblock) return textblock(schema, type, raw)
  if (type && (raw.type === 'bulletList' || raw.type === 'orderedList'))
    return list(schema, type, raw)
  if (type && raw.type === 'blockquote') {
    const inner = fitBlocks(schema, raw.content ?? [])
    return inner.length > 0 ? [type.create(null, inner)] : []
  }
  if (type && type.isLeaf && type.isBlock) return [type.create()]
  // An unknown node, a list item outside a list: keep what it holds.
  return fitBlocks(schema, raw.content ?? [])
}

/** Block nodes that fit the schema, from raw children; loose inline content becomes a paragraph. */
export function fitBlocks(schema: Schema, items: RawNode[]): Node[] {
  const blocks: Node[] = []
  let loose: RawNode[] = []
  const flush = () => {
    if (loose.length === 0) return
    blocks.push(
      ...textblock(schema, schema.nodes.paragraph!, { type: 'paragraph', content: loose }),
    )
    loose = []
  }
  for (const item of items) {
    if (item.type === 'text' || item.type === 'hardBreak') {
      loose.push(item)
      continue
    }
    flush()
    blocks.push(...fitBlock(schema, item))
  }
  flush()
  return blocks
}
