import { sectionBody } from '@koers/doc-model'
import type { Node, Schema } from '@tiptap/pm/model'
import type * as Y from 'yjs'
import { fitBlocks } from './fitSchema.ts'
import { readFragment } from './readFragment.ts'

/**
 * A section body as a ProseMirror `doc` node of the one body schema, read without changing the
 * document. Never throws: what does not fit is flattened or left out (EXP-7).
 */
export function sectionBodyNode(schema: Schema, doc: Y.Doc, sectionId: string): Node {
  const raw = readFragment(sectionBody(doc, sectionId))
  const blocks = fitBlocks(schema, raw.content ?? [])
  return schema.topNodeType.createAndFill(null, blocks) ?? schema.topNodeType.createAndFill()!
}
