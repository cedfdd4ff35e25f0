import {
  addAction,
  addCustomValue,
  addPrinciple,
  addSection,
  BUILDING_BLOCKS,
  createWorkspaceDoc,
  listActions,
  listPrinciples,
  listSections,
  moveSection,
  removeAction,
  removePrinciple,
  removeSection,
  renameSection,
  restoreSection,
  listRemovedSections,
  sectionBody,
  togglePrincipleValue,
  updateAction,
  updateMeta,
  updatePrinciple,
  DEFAULT_VALUES,
} from '@koers/doc-model'
import type { Random } from '@koers/doc-model/testing'
import * as Y from 'yjs'

const WORDS =
  'wij kiezen voor digitale geletterdheid omdat leerlingen privacy team één café AI 🙂'.split(' ')

const words = (random: Random, min: number, max: number): string =>
  Array.from({ length: min + random.int(max - min + 1) }, () => random.pick(WORDS)!).join(' ')

/** A copy of `doc` that writes with its own client id (another replica of the same history). */
export const replicaOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

/** A fresh workspace document (template sections in Dutch or English). */
export const templateVision = (random: Random): Y.Doc => {
  const doc = new Y.Doc()
  createWorkspaceDoc(doc, {
    title: words(random, 2, 5),
    school: words(random, 1, 3),
    language: random.chance(0.5) ? 'nl' : 'en',
  })
  return doc
}

const paragraph = (random: Random): Y.XmlElement => {
  const element = new Y.XmlElement(random.chance(0.2) ? 'heading' : 'paragraph')
  if (element.nodeName === 'heading') element.setAttribute('level', random.chance(0.5) ? '2' : '3')
  const text = new Y.XmlText()
  text.insert(0, `${words(random, 2, 8)} `)
  if (random.chance(0.4)) text.insert(text.length, words(random, 1, 2), { bold: {} })
  element.insert(0, [text])
  return element
}

const bulletList = (random: Random): Y.XmlElement => {
  const list = new Y.XmlElement('bulletList')
  list.insert(
    0,
    Array.from({ length: 1 + random.int(3) }, () => {
      const item = new Y.XmlElement('listItem')
      item.insert(0, [paragraph(random)])
      return item
    }),
  )
  return list
}

/** One edit of a section body: a paragraph or list added or removed, or text typed or formatted. */
const editBody = (random: Random, doc: Y.Doc): void => {
  const section = random.pick(listSections(doc))
  if (!section) return
  const body = sectionBody(doc, section.id)
  const children = body.toArray()
  const roll = random.next()
  if (roll < 0.35 || children.length === 0) {
    const node = random.chance(0.2) ? bulletList(random) : paragraph(random)
    body.insert(random.int(children.length + 1), [node])
  } else if (roll < 0.5) {
    body.delete(random.int(children.length), 1)
  } else {
    const element = random.pick(children)
    const text = element instanceof Y.XmlElement ? element.toArray()[0] : undefined
    if (!(text instanceof Y.XmlText)) return
    if (roll < 0.8 || text.length === 0) {
      text.insert(random.int(text.length + 1), words(random, 1, 3))
    } else if (roll < 0.9) {
      const at = random.int(text.length)
      text.delete(at, Math.min(1 + random.int(5), text.length - at))
    } else {
      const at = random.int(text.length)
      text.format(at, Math.min(3, text.length - at), { italic: random.chance(0.5) ? {} : null })
    }
  }
}

/** One random edit anywhere in the content: details, sections, bodies, principles, actions. */
export const randomEdit = (random: Random, doc: Y.Doc): void => {
  const roll = random.int(14)
  const section = random.pick(listSections(doc))
  const principle = random.pick(listPrinciples(doc))
  const action = random.pick(listActions(doc))
  switch (roll) {
    case 0:
      return updateMeta(doc, { period: words(random, 1, 4) })
    case 1:
      return updateMeta(doc, { title: words(random, 2, 6), reviewDate: '2027-06-30' })
    case 2:
      addSection(doc, { title: words(random, 1, 4), buildingBlock: random.pick(BUILDING_BLOCKS)! })
      return
    case 3:
      if (section) removeSection(doc, section.id)
      return
    case 4: {
      const removed = random.pick(listRemovedSections(doc))
      if (removed) restoreSection(doc, removed.id)
      else if (section) renameSection(doc, section.id, words(random, 1, 5))
      return
    }
    case 5:
      if (section) moveSection(doc, section.id, random.int(listSections(doc).length))
      return
    case 6:
      addPrinciple(doc, {
        statement: words(random, 3, 8),
        rationale: words(random, 0, 10),
        values: [random.pick(DEFAULT_VALUES)!],
      })
      return
    case 7:
      if (principle) updatePrinciple(doc, principle.id, { statement: words(random, 3, 8) })
      return
    case 8:
      if (principle) removePrinciple(doc, principle.id)
      else addCustomValue(doc, words(random, 1, 2))
      return
    case 9:
      if (principle)
        togglePrincipleValue(doc, principle.id, random.pick(DEFAULT_VALUES)!, random.chance(0.5))
      return
    case 10:
      addAction(doc, {
        what: words(random, 2, 6),
        owner: words(random, 1, 2),
        principleId: principle?.id ?? '',
      })
      return
    case 11:
      if (action) updateAction(doc, action.id, { what: words(random, 2, 6), status: 'bezig' })
      return
    case 12:
      if (action) removeAction(doc, action.id)
      return
    default:
      return editBody(random, doc)
  }
}

/** `count` random edits, each in its own transaction. */
export const randomEdits = (random: Random, doc: Y.Doc, count: number): void => {
  for (let i = 0; i < count; i++) doc.transact(() => randomEdit(random, doc))
}
