import type { ContentMatch, NodeType } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { createSchema } from '../extensions.ts'

/** Deepest allowed nesting of elements in a section body (DM-18). */
export const MAX_BODY_DEPTH = 24
/** Longest attribute value (a link's href, for example). */
const MAX_ATTRIBUTE_LENGTH = 4_096

interface BodyRules {
  /** Node type → the node types that may appear among its children ('text' for text). */
  children: Map<string, Set<string>>
  attributes: Map<string, Set<string>>
  marks: Set<string>
}

const reachableTypes = (start: ContentMatch): Set<string> => {
  const types = new Set<string>()
  const seen = new Set<ContentMatch>()
  const queue = [start]
  while (queue.length > 0) {
    const match = queue.pop()!
    if (seen.has(match)) continue
    seen.add(match)
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i)
      types.add(edge.type.name)
      queue.push(edge.next)
    }
  }
  return types
}

let cached: BodyRules | null = null

/** The nodes, marks and nesting of the shared extension list (DM-12), computed once. */
function bodyRules(): BodyRules {
  if (cached) return cached
  const schema = createSchema()
  const children = new Map<string, Set<string>>()
  const attributes = new Map<string, Set<string>>()
  for (const [name, type] of Object.entries(schema.nodes) as [string, NodeType][]) {
    children.set(name, reachableTypes(type.contentMatch))
    attributes.set(name, new Set(Object.keys(type.spec.attrs ?? {})))
  }
  cached = { children, attributes, marks: new Set(Object.keys(schema.marks)) }
  return cached
}

const isAttributeValue = (value: unknown): boolean =>
  value === null ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.length <= MAX_ATTRIBUTE_LENGTH)

/** y-prosemirror stores a mark as a format key: the mark name, or `name--<hash>`. */
const markName = (key: string): string => key.split('--')[0] ?? key

/** Whether an element's attributes (or only `keys` of them) are attributes of its node type. */
export function hasValidAttributes(element: Y.XmlElement, keys?: Iterable<string>): boolean {
  const allowed = bodyRules().attributes.get(element.nodeName)
  if (!allowed) return false
  const attributes = element.getAttributes() as Record<string, unknown>
  for (const key of keys ?? Object.keys(attributes)) {
    if (!(key in attributes)) continue
    if (!allowed.has(key) || !isAttributeValue(attributes[key])) return false
  }
  return true
}

/** Whether the items `check` selects in a text node are plain text with known marks. */
export function hasValidInlineContent(text: Y.XmlText, check: (item: Y.Item) => boolean): boolean {
  const { marks } = bodyRules()
  let item = text._start
  while (item !== null) {
    if (check(item)) {
      const content = item.content
      if (content instanceof Y.ContentFormat) {
        if (!marks.has(markName(content.key))) return false
        if (content.value !== null && typeof content.value !== 'object') return false
      } else if (!(content instanceof Y.ContentString) && !(content instanceof Y.ContentDeleted)) {
        return false
      }
    }
    item = item.right
  }
  return true
}

/** The node type a body container stands for: the fragment is the `doc` node. */
export function nodeTypeOf(type: Y.XmlFragment | Y.XmlElement): string {
  return type instanceof Y.XmlElement ? type.nodeName : 'doc'
}

/**
 * Whether `node`, placed as a child of `parentType` at `depth` (the fragment's children are at
 * depth 1), is allowed there, with its whole subtree (DM-18). Nesting is checked per parent and
 * child type, not as a sequence: concurrent edits can merge valid sequences into an unusual
 * order, which the editor repairs, but they never invent a node type or a nesting.
 */
export function isValidSubtree(parentType: string, node: unknown, depth: number): boolean {
  if (depth > MAX_BODY_DEPTH) return false
  const rules = bodyRules()
  const allowed = rules.children.get(parentType)
  if (!allowed) return false
  if (node instanceof Y.XmlText) {
    return allowed.has('text') && hasValidInlineContent(node, () => true)
  }
  if (!(node instanceof Y.XmlElement)) return false
  if (node.nodeName === 'text' || !allowed.has(node.nodeName)) return false
  if (!hasValidAttributes(node)) return false
  return node.toArray().every((child) => isValidSubtree(node.nodeName, child, depth + 1))
}
