import * as Y from 'yjs'
import { Root } from './roots.ts'
import { newId } from './ids.ts'
import { readBoolean, readMap, readString, readText, readTextString, transact } from './read.ts'
import { writeTextField } from './textFields.ts'
import { insertRanked, orderedEntries, placeAt, type ItemFilter } from './ordering/rankedMap.ts'
import { isBuildingBlock, type BuildingBlock } from './vocabulary.ts'

export interface SectionView {
  id: string
  title: string
  rank: string
  buildingBlock: BuildingBlock | ''
  questions: string[]
  templateKey: string
}

export interface AddSectionInput {
  title: string
  buildingBlock?: BuildingBlock | ''
  questions?: string[]
  /** Insert after this section; null = first, undefined (or an unknown id) = last. */
  after?: string | null
}

const visible: ItemFilter = (item) => !readBoolean(item, 'removed')
const removed: ItemFilter = (item) => readBoolean(item, 'removed')

export function sectionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(Root.sections)
}

function toView(id: string, rank: string, item: Y.Map<unknown>): SectionView {
  const block = item.get('buildingBlock')
  return {
    id,
    title: readTextString(item, 'title'),
    rank,
    buildingBlock: isBuildingBlock(block) ? block : '',
    questions: splitQuestions(readTextString(item, 'questions')),
    templateKey: readString(item, 'templateKey'),
  }
}

/** Guiding questions are stored one per line; blank lines are ignored. */
export function splitQuestions(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/** Sections that are not removed, in order (DM-5). */
export function listSections(doc: Y.Doc): SectionView[] {
  return orderedEntries(sectionsMap(doc), visible).map((e) => toView(e.id, e.rank, e.item))
}

/** Soft-deleted sections, in the order they would have (DM-10). */
export function listRemovedSections(doc: Y.Doc): SectionView[] {
  return orderedEntries(sectionsMap(doc), removed).map((e) => toView(e.id, e.rank, e.item))
}

export function sectionMap(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  return readMap(sectionsMap(doc), id)
}

export function sectionQuestionsText(doc: Y.Doc, id: string): Y.Text | undefined {
  const section = sectionMap(doc, id)
  return section ? readText(section, 'questions') : undefined
}

/** The title as collaborative text; undefined on an old document where it is a string. */
export function sectionTitleText(doc: Y.Doc, id: string): Y.Text | undefined {
  const section = sectionMap(doc, id)
  return section ? readText(section, 'title') : undefined
}

/**
 * The title as collaborative text for an editor to bind to (DM-20): an old document's plain
 * string title becomes a Y.Text with the same text first, once.
 */
export function editableSectionTitle(doc: Y.Doc, id: string): Y.Text | undefined {
  const section = sectionMap(doc, id)
  if (!section) return undefined
  const text = readText(section, 'title')
  if (text) return text
  transact(section, () => writeTextField(section, 'title', readTextString(section, 'title')))
  return readText(section, 'title')
}

export function addSection(doc: Y.Doc, input: AddSectionInput): string {
  const block = input.buildingBlock ?? ''
  if (block !== '' && !isBuildingBlock(block)) {
    throw new RangeError(`Unknown building block: ${String(block)}`)
  }
  const id = newId()
  insertRanked(
    sectionsMap(doc),
    id,
    input.after,
    (section) => {
      section.set('title', new Y.Text(input.title))
      section.set('buildingBlock', block)
      section.set('questions', new Y.Text((input.questions ?? []).join('\n')))
      section.set('templateKey', '')
      section.set('removed', false)
    },
    visible,
  )
  return id
}

function writeField(doc: Y.Doc, id: string, key: string, value: unknown): void {
  const section = sectionMap(doc, id)
  if (!section) return
  transact(section, () => {
    if (section.get(key) !== value) section.set(key, value)
  })
}

export function renameSection(doc: Y.Doc, id: string, title: string): void {
  const section = sectionMap(doc, id)
  if (section) transact(section, () => writeTextField(section, 'title', title))
}

export function setSectionBuildingBlock(doc: Y.Doc, id: string, block: BuildingBlock | ''): void {
  if (block !== '' && !isBuildingBlock(block)) {
    throw new RangeError(`Unknown building block: ${String(block)}`)
  }
  writeField(doc, id, 'buildingBlock', block)
}

/** Move a section to `toIndex` in the list of sections that are not removed (DM-3). */
export function moveSection(doc: Y.Doc, id: string, toIndex: number): void {
  placeAt(sectionsMap(doc), id, toIndex, visible)
}

/** Soft delete: the section and its body stay in the document, restorable (DM-10). */
export function removeSection(doc: Y.Doc, id: string): void {
  writeField(doc, id, 'removed', true)
}

/** Undo a soft delete; the section comes back at the place its rank gives it. */
export function restoreSection(doc: Y.Doc, id: string): void {
  writeField(doc, id, 'removed', false)
}
