import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  addAction,
  listActions,
  moveAction,
  removeAction,
  sortActionsByDue,
  updateAction,
} from './actions.ts'
import { Root } from './roots.ts'

describe('actions', () => {
  it('DM-3: adds with defaults, updates, moves and removes', () => {
    const doc = new Y.Doc()
    const a = addAction(doc, { what: 'Telefoonbeleid', owner: 'Fatima', due: '2026-09-01' })
    const b = addAction(doc, {})
    expect(listActions(doc)[1]).toEqual({
      id: b,
      what: '',
      owner: '',
      due: '',
      status: 'open',
      principleId: '',
      rank: listActions(doc)[1]!.rank,
    })
    updateAction(doc, b, { what: 'Scholing AI', status: 'bezig', due: '2026-01-15' })
    moveAction(doc, b, 0)
    expect(listActions(doc).map((x) => x.what)).toEqual(['Scholing AI', 'Telefoonbeleid'])
    addAction(doc, { what: 'Eerste', after: null })
    removeAction(doc, a)
    expect(listActions(doc).map((x) => x.what)).toEqual(['Eerste', 'Scholing AI'])
  })

  it('DM-11: rejects a malformed due date or status', () => {
    const doc = new Y.Doc()
    expect(() => addAction(doc, { due: '1 september' })).toThrow(RangeError)
    const id = addAction(doc, {})
    expect(() => updateAction(doc, id, { status: 'done' as 'klaar' })).toThrow(RangeError)
    const broken = doc.getMap<unknown>(Root.actions).get(id) as Y.Map<unknown>
    broken.set('due', 'gisteren')
    broken.set('status', 7)
    expect(listActions(doc)[0]).toMatchObject({ due: '', status: 'open' })
  })

  it('DM-13: sorts by due date, empty dates last, stable, without touching the stored order', () => {
    const doc = new Y.Doc()
    addAction(doc, { what: 'geen datum 1' })
    addAction(doc, { what: 'later', due: '2026-12-01' })
    addAction(doc, { what: 'geen datum 2' })
    addAction(doc, { what: 'eerst', due: '2026-02-01' })
    addAction(doc, { what: 'ook later', due: '2026-12-01' })
    const stored = listActions(doc)
    expect(sortActionsByDue(stored).map((a) => a.what)).toEqual([
      'eerst',
      'later',
      'ook later',
      'geen datum 1',
      'geen datum 2',
    ])
    expect(listActions(doc)).toEqual(stored)
  })
})
