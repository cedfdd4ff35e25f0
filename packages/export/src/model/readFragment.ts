import * as Y from 'yjs'

/** ProseMirror-style JSON, as read from Yjs: not yet checked against the schema. */
export interface RawNode {
  type: string
  attrs?: Record<string, unknown>
  content?: RawNode[]
  text?: string
  marks?: { type: string; attrs: Record<string, unknown> }[]
}

// y-prosemirror stores a second mark of one type under `name--<8 chars>`.
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/

function markName(attribute: string): string {
  return HASHED_MARK.exec(attribute)?.[1] ?? attribute
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readText(text: Y.XmlText): RawNode[] {
  const nodes: RawNode[] = []
  for (const op of text.toDelta() as { insert?: unknown; attributes?: unknown }[]) {
    // Embeds (a Y type or an object inside the text) have no place in the schema: skipped.
    if (typeof op.insert !== 'string' || op.insert === '') continue
    const node: RawNode = { type: 'text', text: op.insert }
    if (isRecord(op.attributes)) {
      node.marks = Object.entries(op.attributes)
        .filter(([, value]) => value !== null && value !== undefined)
        .map(([name, value]) => ({ type: markName(name), attrs: isRecord(value) ? value : {} }))
    }
    nodes.push(node)
  }
  return nodes
}

function readChildren(parent: Y.XmlFragment | Y.XmlElement): RawNode[] {
  const nodes: RawNode[] = []
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) nodes.push(...readText(child))
    else if (child instanceof Y.XmlElement) {
      nodes.push({
        type: child.nodeName,
        attrs: child.getAttributes() as Record<string, unknown>,
        content: readChildren(child),
      })
    }
    // a Y.XmlHook (or anything else) is not editor content: skipped
  }
  return nodes
}

/**
 * A `body:<id>` fragment as ProseMirror-style JSON, reading only: nothing in the document is
 * changed. (y-tiptap's `yXmlFragmentToProseMirrorRootNode` deletes the Yjs nodes that do not
 * fit the schema and throws on text at the root; an export must do neither, EXP-7.)
 */
export function readFragment(fragment: Y.XmlFragment): RawNode {
  return { type: 'doc', content: readChildren(fragment) }
}
