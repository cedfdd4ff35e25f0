import { createSchema, sectionBody } from '@koers/doc-model'
import type { Node, Schema } from '@tiptap/pm/model'
import type * as Y from 'yjs'
import { fitBlocks } from './fitSchema.ts'
import { readFragment, type RawNode } from './readFragment.ts'

let schema: Schema | null = null

/** The one body schema (DM-12), built once per process. */
function bodySchema(): Schema {
  schema ??= createSchema()
  return schema
}

/**
 * A section body as a ProseMirror `doc` node of the one body schema, read without changing the
 * document. Never throws: what does not fit is flattened or left out (EXP-7).
 */
export function sectionBodyNode(doc: Y.Doc, sectionId: string): Node {
  const schema = bodySchema()
  let raw: RawNode
  try {
    raw = readFragment(sectionBody(doc, sectionId))
  } catch {
    // The root exists as another kind of shared type (Yjs refuses to read it as a fragment).
    raw = { type: 'doc', content: [] }
  }
  const blocks = fitBlocks(schema, raw.content ?? [])
  const node = schema.topNodeType.createAndFill(null, blocks)
  if (node) return node
  // Not expected (every fitted block is block content), but never lose the text.
  const paragraph = schema.nodes.paragraph!
  const plain = blocks
    .filter((block) => block.textContent !== '')
    .map((block) => paragraph.create(null, schema.text(block.textContent)))
  return schema.topNodeType.createAndFill(null, plain)!
}
