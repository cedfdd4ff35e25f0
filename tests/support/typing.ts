import { listSections } from '@koers/doc-model'
import * as Y from 'yjs'

/** Ids of the visible sections of a synced workspace document, in document order. */
export function sectionIds(doc: Y.Doc): string[] {
  return listSections(doc).map((section) => section.id)
}

export function bodyOf(doc: Y.Doc, sectionId: string): Y.XmlFragment {
  return doc.getXmlFragment(`body:${sectionId}`)
}

/**
 * Appends text to the last paragraph of a section body, as typing at the end does in Tiptap
 * (a `paragraph` element holding one XmlText). Creates the paragraph when the body is empty.
 */
export function typeInto(doc: Y.Doc, sectionId: string, text: string): void {
  const body = bodyOf(doc, sectionId)
  doc.transact(() => {
    let last = body.length > 0 ? body.get(body.length - 1) : undefined
    if (!(last instanceof Y.XmlElement)) {
      last = new Y.XmlElement('paragraph')
      body.insert(body.length, [last])
    }
    let xmlText = last.get(0)
    if (!(xmlText instanceof Y.XmlText)) {
      xmlText = new Y.XmlText()
      last.insert(0, [xmlText])
    }
    xmlText.insert(xmlText.length, text)
  })
}

/** Adds a new paragraph holding `text` at the end of a section body. */
export function addParagraph(doc: Y.Doc, sectionId: string, text: string): void {
  const body = bodyOf(doc, sectionId)
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  body.insert(body.length, [paragraph])
}

export function bodyText(doc: Y.Doc, sectionId: string): string {
  return bodyOf(doc, sectionId).toString()
}
