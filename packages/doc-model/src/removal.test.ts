import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  actionText,
  addAction,
  isActionRemoved,
  listActions,
  listRemovedActions,
  moveAction,
  removeAction,
  restoreAction,
} from './actions.ts'
import {
  addPrinciple,
  isPrincipleRemoved,
  listPrinciples,
  listRemovedPrinciples,
  movePrinciple,
  principleStatement,
  removePrinciple,
  restorePrinciple,
} from './principles.ts'
import { Root } from './roots.ts'
import { documentViolations } from './schema/documentViolations.ts'

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('soft delete of principles and actions', () => {
  it('DM-19: a removed principle stays in the document and comes back in its place', () => {
    const doc = new Y.Doc()
    const a = addPrinciple(doc, { statement: 'A' })
    const b = addPrinciple(doc, { statement: 'B', rationale: 'omdat' })
    const c = addPrinciple(doc, { statement: 'C' })
    removePrinciple(doc, b)
    expect(listPrinciples(doc).map((p) => p.id)).toEqual([a, c])
    expect(listRemovedPrinciples(doc)).toMatchObject([
      { id: b, statement: 'B', rationale: 'omdat' },
    ])
    expect(isPrincipleRemoved(doc, b)).toBe(true)
    expect(doc.getMap(Root.principles).has(b)).toBe(true)
    restorePrinciple(doc, b)
    expect(listPrinciples(doc).map((p) => p.statement)).toEqual(['A', 'B', 'C'])
    expect(listRemovedPrinciples(doc)).toEqual([])
    expect(documentViolations(doc)).toEqual([])
  })

  it('DM-19: a removed action stays in the document and comes back in its place', () => {
    const doc = new Y.Doc()
    const a = addAction(doc, { what: 'A' })
    const b = addAction(doc, { what: 'B', owner: 'Fatima' })
    removeAction(doc, a)
    expect(listActions(doc).map((x) => x.id)).toEqual([b])
    expect(listRemovedActions(doc)).toMatchObject([{ id: a, what: 'A' }])
    expect(isActionRemoved(doc, a)).toBe(true)
    restoreAction(doc, a)
    expect(listActions(doc).map((x) => x.what)).toEqual(['A', 'B'])
    expect(documentViolations(doc)).toEqual([])
  })

  it('DM-19: text typed concurrently with the removal is kept and restored with the item', () => {
    const one = new Y.Doc()
    const two = new Y.Doc()
    const p = addPrinciple(one, { statement: 'Wij' })
    const act = addAction(one, { what: 'Plan' })
    sync(one, two)
    removePrinciple(one, p)
    removeAction(one, act)
    principleStatement(two, p)!.insert(3, ' kiezen')
    actionText(two, act, 'what')!.insert(4, ' maken')
    sync(one, two)
    for (const doc of [one, two]) {
      expect(listPrinciples(doc)).toEqual([])
      expect(listActions(doc)).toEqual([])
    }
    restorePrinciple(two, p)
    restoreAction(one, act)
    sync(one, two)
    for (const doc of [one, two]) {
      expect(listPrinciples(doc).map((x) => x.statement)).toEqual(['Wij kiezen'])
      expect(listActions(doc).map((x) => x.what)).toEqual(['Plan maken'])
    }
  })

  it('DM-19: moves and inserts count only the items that are not removed', () => {
    const doc = new Y.Doc()
    const a = addPrinciple(doc, { statement: 'A' })
    const b = addPrinciple(doc, { statement: 'B' })
    const c = addPrinciple(doc, { statement: 'C' })
    removePrinciple(doc, b)
    movePrinciple(doc, a, 1)
    expect(listPrinciples(doc).map((p) => p.statement)).toEqual(['C', 'A'])
    addPrinciple(doc, { statement: 'D', after: c })
    expect(listPrinciples(doc).map((p) => p.statement)).toEqual(['C', 'D', 'A'])

    const x = addAction(doc, { what: 'x' })
    const y = addAction(doc, { what: 'y' })
    addAction(doc, { what: 'z' })
    removeAction(doc, y)
    moveAction(doc, x, 1)
    expect(listActions(doc).map((item) => item.what)).toEqual(['z', 'x'])
  })

  it('DM-19: remove and restore on unknown ids do nothing; a repeated write sends nothing', () => {
    const doc = new Y.Doc()
    const p = addPrinciple(doc, { statement: 'A' })
    removePrinciple(doc, p)
    let updates = 0
    doc.on('update', () => updates++)
    removePrinciple(doc, p)
    removePrinciple(doc, 'missing')
    restoreAction(doc, 'missing')
    expect(updates).toBe(0)
    expect(isPrincipleRemoved(doc, 'missing')).toBe(false)
  })
})
