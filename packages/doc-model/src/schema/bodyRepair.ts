import * as Y from 'yjs'
import { bodyRootName } from '../roots.ts'
import { isValidSubtree } from './bodyRules.ts'

/**
 * Whether the editor can show a section's body (WEB-6): every top-level node inside the schema
 * (DM-18). The server keeps new bodies valid; an old store or a bug can still hold another one.
 */
export function isBodyValid(doc: Y.Doc, sectionId: string): boolean {
  const body = doc.getXmlFragment(bodyRootName(sectionId))
  return body.toArray().every((node) => isValidSubtree('doc', node, 1))
}

/** The plain text of a subtree, one string per text node; iterative, so any depth is safe. */
function textsOf(node: unknown): string[] {
  const texts: string[] = []
  const stack: unknown[] = [node]
  while (stack.length > 0) {
    const current = stack.pop()
    if (current instanceof Y.XmlText) {
      const text = current
        .toDelta()
        .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
        .join('')
        .trim()
      if (text) texts.push(text)
    } else if (current instanceof Y.XmlElement) {
      stack.push(...current.toArray().reverse())
    }
  }
  return texts
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

/**
 * Repairs a body the editor cannot show (WEB-6), in one transaction: valid top-level nodes stay
 * as they are; each invalid one is replaced by paragraphs of the text it held, so no word is lost.
 */
export function repairBody(doc: Y.Doc, sectionId: string): void {
  const body = doc.getXmlFragment(bodyRootName(sectionId))
  doc.transact(() => {
    for (let index = body.length - 1; index >= 0; index--) {
      const node = body.get(index)
      if (isValidSubtree('doc', node, 1)) continue
      const replacement = textsOf(node).map(paragraph)
      body.delete(index, 1)
      if (replacement.length > 0) body.insert(index, replacement)
    }
    if (body.length === 0) body.insert(0, [paragraph('')])
  })
}
