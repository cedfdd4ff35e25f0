import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { actionText, addAction, listActions, updateAction } from './actions.ts'
import { metaText, readMeta, updateMeta } from './meta.ts'
import { addPrinciple, listPrinciples, principleStatement, updatePrinciple } from './principles.ts'
import { Root } from './roots.ts'
import { addSection, listSections, renameSection, sectionTitleText } from './sections.ts'
import { createWorkspaceDoc } from './template/createWorkspaceDoc.ts'
import { Network } from './testing/network.ts'
import { seeded } from './testing/random.ts'
import { replaceText, textDiff } from './textFields.ts'

function statementOf(doc: Y.Doc, id: string): string | undefined {
  return listPrinciples(doc).find((p) => p.id === id)?.statement
}

describe('textDiff and replaceText', () => {
  it('finds one minimal splice', () => {
    expect(textDiff('abc', 'abc')).toBeNull()
    expect(textDiff('Wij kiezen', 'Wij kiezen voor')).toEqual({
      index: 10,
      deleteCount: 0,
      insert: ' voor',
    })
    expect(textDiff('abcdef', 'abXYef')).toEqual({ index: 2, deleteCount: 2, insert: 'XY' })
    expect(textDiff('a😀b', 'a😁b')).toEqual({ index: 1, deleteCount: 2, insert: '😁' })
  })

  it('uses the caret to place an ambiguous insert or delete', () => {
    // typing "b" with the caret after "Xa", in front of someone else's "b"
    expect(textDiff('Xab', 'Xabb', 3)).toEqual({ index: 2, deleteCount: 0, insert: 'b' })
    expect(textDiff('Xab', 'Xabb')).toEqual({ index: 3, deleteCount: 0, insert: 'b' })
    // backspace of the second "a" (caret ends at 2)
    expect(textDiff('Xaab', 'Xab', 2)).toEqual({ index: 2, deleteCount: 1, insert: '' })
  })

  it('replaces by splicing, so a concurrent edit elsewhere survives', () => {
    const net = new Network(2)
    const [one, two] = net.docs as [Y.Doc, Y.Doc]
    one.getMap('m').set('t', new Y.Text('Wij kiezen voor mensen'))
    net.syncAll()
    const textOf = (doc: Y.Doc) => doc.getMap('m').get('t') as Y.Text
    replaceText(textOf(one), 'Wij kiezen bewust voor mensen')
    textOf(two).insert(textOf(two).length, ', omdat')
    net.syncAll()
    expect(textOf(one).toString()).toBe('Wij kiezen bewust voor mensen, omdat')
    expect(textOf(two).toString()).toBe(textOf(one).toString())
  })
})

describe('free-text fields are collaborative text', () => {
  it('DM-15: creates every free-text field as a Y.Text and keeps the string writers working', () => {
    const doc = new Y.Doc()
    createWorkspaceDoc(doc, { title: 'Visie', school: 'De Linde' })
    expect(metaText(doc, 'title')?.toString()).toBe('Visie')
    expect(metaText(doc, 'school')?.toString()).toBe('De Linde')
    expect(metaText(doc, 'period')?.toString()).toBe('')
    const section = listSections(doc)[0]!
    expect(sectionTitleText(doc, section.id)?.toString()).toBe(section.title)
    const added = addSection(doc, { title: 'Nieuw' })
    const principle = addPrinciple(doc, { statement: 'Wij kiezen' })
    const action = addAction(doc, { what: 'Beleid', owner: 'Directie' })
    expect(sectionTitleText(doc, added)?.toString()).toBe('Nieuw')
    expect(principleStatement(doc, principle)?.toString()).toBe('Wij kiezen')
    expect(actionText(doc, action, 'what')?.toString()).toBe('Beleid')
    expect(actionText(doc, action, 'owner')?.toString()).toBe('Directie')

    const statement = principleStatement(doc, principle)
    updateMeta(doc, { title: 'Visie 2026', period: '2026–2030' })
    renameSection(doc, added, 'Nieuw onderdeel')
    updatePrinciple(doc, principle, { statement: 'Wij kiezen voor mensen' })
    updateAction(doc, action, { what: 'Beleid schrijven', owner: '', due: '2026-03-10' })
    expect(readMeta(doc)).toMatchObject({ title: 'Visie 2026', period: '2026–2030' })
    expect(listSections(doc).find((s) => s.id === added)?.title).toBe('Nieuw onderdeel')
    expect(statementOf(doc, principle)).toBe('Wij kiezen voor mensen')
    expect(listActions(doc)[0]).toMatchObject({ what: 'Beleid schrijven', owner: '' })
    // the same Y.Text, spliced, not replaced
    expect(principleStatement(doc, principle)).toBe(statement)
  })

  it('DM-15: reads an old document with plain strings; a writer converts the field once', () => {
    const doc = new Y.Doc()
    const principle = addPrinciple(doc, { statement: '' })
    const action = addAction(doc, {})
    const section = addSection(doc, { title: '' })
    doc.transact(() => {
      doc.getMap<unknown>(Root.meta).set('title', 'Oud')
      doc.getMap<Y.Map<unknown>>(Root.principles).get(principle)!.set('statement', 'Oude tekst')
      doc.getMap<Y.Map<unknown>>(Root.actions).get(action)!.set('what', 'Oud actiepunt')
      doc.getMap<Y.Map<unknown>>(Root.sections).get(section)!.set('title', 'Oude titel')
    })
    expect(readMeta(doc).title).toBe('Oud')
    expect(statementOf(doc, principle)).toBe('Oude tekst')
    expect(listActions(doc)[0]!.what).toBe('Oud actiepunt')
    expect(listSections(doc)[0]!.title).toBe('Oude titel')
    expect(metaText(doc, 'title')).toBeUndefined()
    expect(principleStatement(doc, principle)).toBeUndefined()

    updateMeta(doc, { title: 'Oud' })
    updatePrinciple(doc, principle, { statement: 'Oude tekst, bijgewerkt' })
    updateAction(doc, action, { what: 'Oud actiepunt' })
    renameSection(doc, section, 'Nieuwe titel')
    expect(metaText(doc, 'title')?.toString()).toBe('Oud')
    expect(principleStatement(doc, principle)?.toString()).toBe('Oude tekst, bijgewerkt')
    expect(actionText(doc, action, 'what')?.toString()).toBe('Oud actiepunt')
    expect(sectionTitleText(doc, section)?.toString()).toBe('Nieuwe titel')
  })

  it('DM-15: two replicas edit the same statement at different places; both edits survive', () => {
    const net = new Network(2)
    const [one, two] = net.docs as [Y.Doc, Y.Doc]
    const id = addPrinciple(one, { statement: 'Wij kiezen voor mensen' })
    net.syncAll()
    updatePrinciple(one, id, { statement: 'Wij kiezen bewust voor mensen' })
    updatePrinciple(two, id, { statement: 'Wij kiezen voor mensen, omdat contact telt' })
    net.syncAll()
    expect(statementOf(one, id)).toBe('Wij kiezen bewust voor mensen, omdat contact telt')
    expect(statementOf(two, id)).toBe(statementOf(one, id))
  })

  it('DM-15: seeded, concurrent whole-field writes from 3 replicas keep every word', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const random = seeded(seed)
      const net = new Network(3)
      const id = addPrinciple(net.docs[0]!, { statement: 'alfa bravo charlie delta echo' })
      net.syncAll()
      const inserted: string[] = []
      for (let round = 0; round < 4; round++) {
        net.docs.forEach((doc, r) => {
          // each replica inserts one unique word at a word boundary, through the string writer
          const words = (statementOf(doc, id) ?? '').split(' ')
          const word = `w${r}x${round}`
          words.splice(random.int(words.length + 1), 0, word)
          inserted.push(word)
          updatePrinciple(doc, id, { statement: words.join(' ') })
        })
        if (random.chance(0.5)) net.syncAll()
      }
      net.syncAll()
      const result = statementOf(net.docs[0]!, id) ?? ''
      const words = result.split(' ')
      for (const word of [...inserted, 'alfa', 'bravo', 'charlie', 'delta', 'echo']) {
        expect(words, `seed ${seed}: ${result}`).toContain(word)
      }
      for (const doc of net.docs) expect(statementOf(doc, id)).toBe(result)
    }
  })
})
