import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addAction, listActions } from './actions.ts'
import { addCustomValue } from './meta.ts'
import {
  addPrinciple,
  coverage,
  listPrinciples,
  movePrinciple,
  principleProvenance,
  principleRationale,
  removePrinciple,
  restorePrinciple,
  togglePrincipleBuildingBlock,
  togglePrincipleValue,
  updatePrinciple,
} from './principles.ts'
import { Root } from './roots.ts'

function statements(doc: Y.Doc): string[] {
  return listPrinciples(doc).map((p) => p.statement)
}

describe('principles', () => {
  it('DM-3: adds in place, updates, moves and removes', () => {
    const doc = new Y.Doc()
    const a = addPrinciple(doc, { statement: 'A' })
    const c = addPrinciple(doc, { statement: 'C' })
    addPrinciple(doc, { statement: 'B', after: a })
    addPrinciple(doc, { statement: '0', after: null })
    expect(statements(doc)).toEqual(['0', 'A', 'B', 'C'])
    updatePrinciple(doc, c, { statement: 'Wij kiezen voor analoog, omdat ...' })
    movePrinciple(doc, c, 0)
    expect(statements(doc)[0]).toBe('Wij kiezen voor analoog, omdat ...')
    removePrinciple(doc, a)
    expect(statements(doc)).toEqual(['Wij kiezen voor analoog, omdat ...', '0', 'B'])
  })

  it('keeps the rationale as collaborative text and records provenance', () => {
    const doc = new Y.Doc()
    const id = addPrinciple(doc, { statement: 'S', rationale: 'Omdat', provenance: 'vote:3' })
    principleRationale(doc, id)!.insert(6, ' het kan')
    expect(listPrinciples(doc)[0]!.rationale).toBe('Omdat het kan')
    expect(principleProvenance(doc, id)).toBe('vote:3')
  })

  it('toggles value and building block tags in a stable order', () => {
    const doc = new Y.Doc()
    const id = addPrinciple(doc, { statement: 'S' })
    togglePrincipleValue(doc, id, 'privacy', true)
    togglePrincipleValue(doc, id, 'Eigenaarschap', true)
    togglePrincipleValue(doc, id, 'menselijkheid', true)
    togglePrincipleBuildingBlock(doc, id, 'ict-infrastructuur', true)
    togglePrincipleBuildingBlock(doc, id, 'visie', true)
    expect(listPrinciples(doc)[0]).toMatchObject({
      values: ['menselijkheid', 'privacy', 'Eigenaarschap'],
      buildingBlocks: ['visie', 'ict-infrastructuur'],
    })
    togglePrincipleValue(doc, id, 'privacy', false)
    togglePrincipleBuildingBlock(doc, id, 'visie', false)
    expect(listPrinciples(doc)[0]).toMatchObject({
      values: ['menselijkheid', 'Eigenaarschap'],
      buildingBlocks: ['ict-infrastructuur'],
    })
  })

  it('reports values and building blocks that no principle covers', () => {
    const doc = new Y.Doc()
    doc.getMap<unknown>(Root.meta).set('customValues', new Y.Map())
    addCustomValue(doc, 'Eigenaarschap')
    const id = addPrinciple(doc, { statement: 'S', values: ['privacy', 'autonomie'] })
    togglePrincipleBuildingBlock(doc, id, 'deskundigheid', true)
    expect(coverage(doc)).toEqual({
      valuesWithoutPrinciple: [
        'menselijkheid',
        'rechtvaardigheid',
        'gelijke-kansen',
        'betekenisvol-contact',
        'Eigenaarschap',
      ],
      buildingBlocksWithoutPrinciple: [
        'visie',
        'inhoud-en-toepassingen',
        'ict-infrastructuur',
        'leiderschap-en-samenwerking',
      ],
    })
  })

  it('DM-19: removing a principle keeps its actions linked, so restoring brings the link back', () => {
    const doc = new Y.Doc()
    const p = addPrinciple(doc, { statement: 'S' })
    addAction(doc, { what: 'Beleid schrijven', principleId: p })
    let updates = 0
    doc.on('update', () => updates++)
    removePrinciple(doc, p)
    expect(updates).toBe(1)
    expect(listPrinciples(doc)).toEqual([])
    expect(listActions(doc)[0]!.principleId).toBe(p)
    restorePrinciple(doc, p)
    expect(listPrinciples(doc).map((x) => x.id)).toEqual([p])
  })

  it('DM-11: reads malformed principles with defaults and ignores unknown ids', () => {
    const doc = new Y.Doc()
    const map = doc.getMap<unknown>(Root.principles)
    const bare = new Y.Map<unknown>()
    map.set('bare', bare)
    bare.set('rationale', 'plain')
    bare.set('values', 'not a map')
    map.set('junk', 3)
    expect(listPrinciples(doc)).toEqual([
      { id: 'bare', statement: '', rationale: 'plain', values: [], buildingBlocks: [], rank: '' },
    ])
    togglePrincipleValue(doc, 'bare', 'privacy', true)
    expect(listPrinciples(doc)[0]!.values).toEqual(['privacy'])
    updatePrinciple(doc, 'missing', { statement: 'x' })
    removePrinciple(doc, 'missing')
    expect(principleRationale(doc, 'missing')).toBeUndefined()
  })
})
