import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { bodyRootName } from '../roots.ts'
import { listSections } from '../sections.ts'
import { createWorkspaceDoc } from '../template/createWorkspaceDoc.ts'
import { isBodyValid, repairBody } from './bodyRepair.ts'
import { documentViolations } from './documentViolations.ts'

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

function workspace(): Y.Doc {
  const doc = new Y.Doc()
  createWorkspaceDoc(doc, { title: 'Visie', school: 'De Linde' })
  return doc
}

function brokenDoc(): { doc: Y.Doc; sectionId: string; body: Y.XmlFragment } {
  const doc = workspace()
  const sectionId = listSections(doc)[0]!.id
  const body = doc.getXmlFragment(bodyRootName(sectionId))
  body.insert(0, [paragraph('eerste alinea')])
  return { doc, sectionId, body }
}

const plainTexts = (body: Y.XmlFragment): string[] =>
  body.toArray().map((node) => (node as Y.XmlElement).toArray().join(''))

describe('repairing a body the editor cannot show (WEB-6)', () => {
  it('WEB-6 a bare text at the root of a body: invalid; repaired into a paragraph, the rest kept', () => {
    const { doc, sectionId, body } = brokenDoc()
    body.insert(1, [new Y.XmlText('losse tekst')])
    expect(isBodyValid(doc, sectionId)).toBe(false)
    repairBody(doc, sectionId)
    expect(isBodyValid(doc, sectionId)).toBe(true)
    expect(documentViolations(doc)).toEqual([])
    expect(plainTexts(body)).toEqual(['eerste alinea', 'losse tekst'])
  })

  it('WEB-6 3,000 nested blockquotes: repaired without a stack overflow, their text kept', () => {
    const { doc, sectionId, body } = brokenDoc()
    // Nested one level at a time, as 3,000 small edits would: each insert integrates one node.
    body.insert(1, [new Y.XmlElement('blockquote')])
    let inner = body.get(1) as Y.XmlElement
    for (let i = 0; i < 3_000; i++) {
      inner.insert(0, [new Y.XmlElement('blockquote')])
      inner = inner.get(0) as Y.XmlElement
    }
    inner.insert(0, [paragraph('diep')])
    expect(isBodyValid(doc, sectionId)).toBe(false)
    repairBody(doc, sectionId)
    expect(isBodyValid(doc, sectionId)).toBe(true)
    expect(plainTexts(body)).toEqual(['eerste alinea', 'diep'])
  })

  it('WEB-6 an unknown node without text leaves a valid, non-empty body', () => {
    const doc = workspace()
    const sectionId = listSections(doc)[0]!.id
    const body = doc.getXmlFragment(bodyRootName(sectionId))
    body.insert(0, [new Y.XmlElement('script')])
    repairBody(doc, sectionId)
    expect(isBodyValid(doc, sectionId)).toBe(true)
    expect(body.length).toBe(1)
  })

  it('WEB-6 a valid body is left alone', () => {
    const { doc, sectionId, body } = brokenDoc()
    const before = Y.encodeStateVector(doc)
    repairBody(doc, sectionId)
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(plainTexts(body)).toEqual(['eerste alinea'])
  })
})
