import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { Network } from './testing/network.ts'
import { bodyRootName, Root, sectionBody } from './roots.ts'
import {
  addSection,
  listRemovedSections,
  listSections,
  moveSection,
  removeSection,
  renameSection,
  restoreSection,
  sectionMap,
  sectionQuestionsText,
  setSectionBuildingBlock,
} from './sections.ts'
import { createWorkspaceDoc } from './template/createWorkspaceDoc.ts'

function titles(doc: Y.Doc): string[] {
  return listSections(doc).map((s) => s.title)
}

describe('sections', () => {
  it('DM-3: adds first, after a section and last', () => {
    const doc = new Y.Doc()
    const b = addSection(doc, { title: 'B' })
    addSection(doc, { title: 'A', after: null })
    addSection(doc, { title: 'D' })
    addSection(doc, {
      title: 'C',
      after: b,
      buildingBlock: 'visie',
      questions: ['Waarom?', 'Hoe?'],
    })
    expect(titles(doc)).toEqual(['A', 'B', 'C', 'D'])
    const c = listSections(doc)[2]!
    expect(c).toMatchObject({
      buildingBlock: 'visie',
      questions: ['Waarom?', 'Hoe?'],
      templateKey: '',
    })
  })

  it('renames, sets the building block and edits questions as text', () => {
    const doc = new Y.Doc()
    const id = addSection(doc, { title: 'Oud' })
    renameSection(doc, id, 'Nieuw')
    setSectionBuildingBlock(doc, id, 'deskundigheid')
    sectionQuestionsText(doc, id)!.insert(0, 'Eerste vraag?\n\n  Tweede vraag?  ')
    expect(listSections(doc)[0]).toMatchObject({
      title: 'Nieuw',
      buildingBlock: 'deskundigheid',
      questions: ['Eerste vraag?', 'Tweede vraag?'],
    })
    setSectionBuildingBlock(doc, id, '')
    expect(listSections(doc)[0]!.buildingBlock).toBe('')
  })

  it('DM-3: moves within the visible sections', () => {
    const doc = new Y.Doc()
    createWorkspaceDoc(doc, { title: 'K', school: 'S' })
    const ids = listSections(doc).map((s) => s.id)
    moveSection(doc, ids[12]!, 0)
    expect(listSections(doc)[0]!.id).toBe(ids[12])
    moveSection(doc, ids[12]!, 12)
    expect(listSections(doc).map((s) => s.id)).toEqual(ids)
    removeSection(doc, ids[1]!)
    moveSection(doc, ids[0]!, 1) // index among the 12 visible sections
    expect(
      listSections(doc)
        .map((s) => s.id)
        .slice(0, 3),
    ).toEqual([ids[2], ids[0], ids[3]])
  })

  it('DM-10: removal is a soft delete that keeps the body; restore brings it back in place', () => {
    const doc = new Y.Doc()
    const a = addSection(doc, { title: 'A' })
    const b = addSection(doc, { title: 'B' })
    addSection(doc, { title: 'C' })
    sectionBody(doc, b).insert(0, [new Y.XmlText('Onze tekst')])
    removeSection(doc, b)
    expect(titles(doc)).toEqual(['A', 'C'])
    expect(listRemovedSections(doc).map((s) => s.id)).toEqual([b])
    expect(sectionMap(doc, b)).toBeDefined()
    expect(doc.getXmlFragment(bodyRootName(b)).toString()).toBe('Onze tekst')
    restoreSection(doc, b)
    expect(titles(doc)).toEqual(['A', 'B', 'C'])
    expect(listRemovedSections(doc)).toEqual([])
    expect(a).not.toBe(b)
  })

  it('DM-10: undo of a removal is one flag', () => {
    const doc = new Y.Doc()
    addSection(doc, { title: 'A' })
    const b = addSection(doc, { title: 'B' })
    const undo = new Y.UndoManager(doc.getMap(Root.sections))
    removeSection(doc, b)
    expect(titles(doc)).toEqual(['A'])
    undo.undo()
    expect(titles(doc)).toEqual(['A', 'B'])
  })

  it('DM-11: writers ignore unknown ids; readers skip or default malformed sections', () => {
    const doc = new Y.Doc()
    renameSection(doc, 'nope', 'X')
    moveSection(doc, 'nope', 0)
    removeSection(doc, 'nope')
    expect(sectionQuestionsText(doc, 'nope')).toBeUndefined()
    const sections = doc.getMap<unknown>(Root.sections)
    sections.set('junk', 'not a map')
    const bare = new Y.Map<unknown>()
    sections.set('bare', bare)
    bare.set('questions', 'Plain string?\nSecond?')
    bare.set('buildingBlock', 'onbekend')
    expect(listSections(doc)).toEqual([
      {
        id: 'bare',
        title: '',
        rank: '',
        buildingBlock: '',
        questions: ['Plain string?', 'Second?'],
        templateKey: '',
      },
    ])
    expect(() => setSectionBuildingBlock(doc, 'bare', 'x' as 'visie')).toThrow(RangeError)
  })

  it('DM-10: a removal and a concurrent move or rename both survive', () => {
    const origin = new Y.Doc()
    createWorkspaceDoc(origin, { title: 'K', school: 'S' })
    const net = new Network(2, origin)
    const [one, two] = net.docs as [Y.Doc, Y.Doc]
    const id = listSections(one)[4]!.id
    removeSection(one, id)
    moveSection(two, id, 0)
    renameSection(two, id, 'Onze ambities')
    net.syncAll()
    restoreSection(one, id)
    net.syncAll()
    expect(listSections(one)[0]).toMatchObject({ id, title: 'Onze ambities' })
    expect(listSections(two)).toEqual(listSections(one))
  })
})
