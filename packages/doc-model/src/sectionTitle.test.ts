import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { Root } from './roots.ts'
import { documentViolations } from './schema/documentViolations.ts'
import { isValidValue } from './schema/validateFields.ts'
import { SECTION_FIELDS } from './schema/fields.ts'
import { addSection, editableSectionTitle, listSections, sectionTitleText } from './sections.ts'

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

/** A section as documents from before DM-15 stored it: the title a plain string. */
function oldSection(doc: Y.Doc, id: string, title: string): void {
  const section = new Y.Map<unknown>()
  doc.getMap<unknown>(Root.sections).set(id, section)
  section.set('title', title)
  section.set('rank', '0|hzzzzz:')
  section.set('buildingBlock', '')
  section.set('questions', new Y.Text(''))
  section.set('templateKey', '')
  section.set('removed', false)
}

describe('section title as collaborative text', () => {
  it('DM-20: an old plain-string title reads, passes the schema and converts once for editing', () => {
    const doc = new Y.Doc()
    oldSection(doc, 's1', 'Visie')
    expect(listSections(doc)[0]!.title).toBe('Visie')
    expect(sectionTitleText(doc, 's1')).toBeUndefined()
    expect(documentViolations(doc)).toEqual([])
    const text = editableSectionTitle(doc, 's1')!
    expect(text).toBeInstanceOf(Y.Text)
    expect(text.toString()).toBe('Visie')
    expect(editableSectionTitle(doc, 's1')).toBe(text)
    expect(documentViolations(doc)).toEqual([])
    expect(isValidValue(SECTION_FIELDS.title!, text)).toBe(true)
    expect(editableSectionTitle(doc, 'missing')).toBeUndefined()
  })

  it('DM-20: two people typing in one title at once both end with the same merged title', () => {
    const one = new Y.Doc()
    const two = new Y.Doc()
    const id = addSection(one, { title: 'Visie' })
    sync(one, two)
    editableSectionTitle(one, id)!.insert(5, ' op ICT')
    editableSectionTitle(two, id)!.insert(0, 'Onze ')
    sync(one, two)
    expect(listSections(one)[0]!.title).toBe('Onze Visie op ICT')
    expect(listSections(two)[0]!.title).toBe('Onze Visie op ICT')
  })

  it('DM-20: two replicas converting an old title at once converge on one text', () => {
    const one = new Y.Doc()
    oldSection(one, 's1', 'Visie')
    const two = new Y.Doc()
    sync(one, two)
    editableSectionTitle(one, 's1')
    editableSectionTitle(two, 's1')
    sync(one, two)
    expect(sectionTitleText(one, 's1')!.toString()).toBe('Visie')
    expect(sectionTitleText(two, 's1')!.toString()).toBe('Visie')
  })
})
