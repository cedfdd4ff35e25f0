import { sectionBody } from '@koers/doc-model'
import * as Y from 'yjs'

/** Appends a paragraph with `text` to a section body, as Tiptap stores it; returns its text. */
export function addParagraph(doc: Y.Doc, sectionId: string, text: string): Y.XmlText {
  const paragraph = new Y.XmlElement('paragraph')
  const content = new Y.XmlText()
  content.insert(0, text)
  paragraph.insert(0, [content])
  const body = sectionBody(doc, sectionId)
  body.insert(body.length, [paragraph])
  return content
}

/** The text of the `index`-th paragraph of a section body (null when there is none). */
export function paragraphText(doc: Y.Doc, sectionId: string, index: number): Y.XmlText | null {
  const element = sectionBody(doc, sectionId).get(index)
  if (!(element instanceof Y.XmlElement)) return null
  const text = element.get(0)
  return text instanceof Y.XmlText ? text : null
}
