import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentStore } from './documentStore.ts'

/** Opens a store; opening again after `close()` gives a store on the same data (DUR-5). */
export interface StoreFactory {
  open(): Promise<DocumentStore>
}

/** The update of appending `text` to the doc's text 't' (the stores' tests' unit of writing). */
export const textUpdate = (doc: Y.Doc, text: string): Uint8Array => {
  let update: Uint8Array | null = null
  const capture = (u: Uint8Array): void => {
    update = u
  }
  doc.on('update', capture)
  doc.getText('t').insert(doc.getText('t').length, text)
  doc.off('update', capture)
  return update!
}

const materialise = (updates: Uint8Array[]): string => {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

/** The rules every DocumentStore implementation must satisfy (DUR-2 … DUR-5). */
export const documentStoreContract = (name: string, factory: StoreFactory): void => {
  describe(`DocumentStore contract: ${name}`, () => {
    it('returns null for a document that was never created', async () => {
      const store = await factory.open()
      expect(await store.load('missing-doc-00000000')).toBeNull()
      await store.close()
    })

    it('DUR-2: loads the snapshot followed by the appended updates in order', async () => {
      const store = await factory.open()
      const doc = new Y.Doc()
      const first = textUpdate(doc, 'a')
      await store.create('doc-a', Y.encodeStateAsUpdate(doc))
      expect(first.length).toBeGreaterThan(0)
      const seqs = await store.append([
        { docId: 'doc-a', update: textUpdate(doc, 'b') },
        { docId: 'doc-a', update: textUpdate(doc, 'c') },
      ])
      expect(seqs).toHaveLength(2)
      expect(seqs[1]! > seqs[0]!).toBe(true)
      const loaded = await store.load('doc-a')
      expect(loaded).not.toBeNull()
      expect(loaded!.updates).toHaveLength(3)
      expect(loaded!.logRows).toBe(2)
      expect(loaded!.seq).toBe(seqs[1])
      expect(materialise(loaded!.updates)).toBe('abc')
      await store.close()
    })

    it('refuses to create a document twice', async () => {
      const store = await factory.open()
      await store.create('doc-dup', Y.encodeStateAsUpdate(new Y.Doc()))
      await expect(store.create('doc-dup', Y.encodeStateAsUpdate(new Y.Doc()))).rejects.toThrow()
      await store.close()
    })

    it('DUR-3: appends one batch for several documents atomically and keeps them apart', async () => {
      const store = await factory.open()
      const x = new Y.Doc()
      const y = new Y.Doc()
      await store.create('doc-x', Y.encodeStateAsUpdate(x))
      await store.create('doc-y', Y.encodeStateAsUpdate(y))
      await store.append([
        { docId: 'doc-x', update: textUpdate(x, 'x1') },
        { docId: 'doc-y', update: textUpdate(y, 'y1') },
        { docId: 'doc-x', update: textUpdate(x, 'x2') },
      ])
      expect(materialise((await store.load('doc-x'))!.updates)).toBe('x1x2')
      expect(materialise((await store.load('doc-y'))!.updates)).toBe('y1')
      await store.close()
    })

    it('DUR-4: compaction folds rows into the snapshot and keeps later rows', async () => {
      const store = await factory.open()
      const doc = new Y.Doc()
      await store.create('doc-c', Y.encodeStateAsUpdate(doc))
      const seqs = await store.append([{ docId: 'doc-c', update: textUpdate(doc, 'one ') }])
      const folded = Y.encodeStateAsUpdate(doc)
      await store.append([{ docId: 'doc-c', update: textUpdate(doc, 'two') }])
      await store.compact('doc-c', folded, seqs[0]!)
      const loaded = (await store.load('doc-c'))!
      expect(loaded.updates).toHaveLength(2)
      expect(loaded.logRows).toBe(1)
      expect(materialise(loaded.updates)).toBe('one two')
      const next = await store.append([{ docId: 'doc-c', update: textUpdate(doc, '!') }])
      expect(next[0]! > seqs[0]! + 1).toBe(true)
      // A stale compaction (older than the snapshot) changes nothing.
      await store.compact('doc-c', Y.encodeStateAsUpdate(new Y.Doc()), 0)
      expect(materialise((await store.load('doc-c'))!.updates)).toBe('one two!')
      await store.close()
    })

    it('SYNC-19: client id claims are stored with their update; a conflicting claim fails the append', async () => {
      const store = await factory.open()
      const doc = new Y.Doc()
      await store.create('doc-o', Y.encodeStateAsUpdate(doc))
      await store.append([
        { docId: 'doc-o', update: textUpdate(doc, 'a'), claims: [[doc.clientID, 'p-anna']] },
      ])
      await store.append([
        { docId: 'doc-o', update: textUpdate(doc, 'b'), claims: [[doc.clientID, 'p-anna']] },
      ])
      // A client id belongs to whoever wrote with it first: another claim stores nothing at all.
      await expect(
        store.append([
          { docId: 'doc-o', update: textUpdate(doc, 'c'), claims: [[doc.clientID, 'p-bram']] },
        ]),
      ).rejects.toThrow()
      const loaded = (await store.load('doc-o'))!
      expect([...loaded.owners]).toEqual([[doc.clientID, 'p-anna']])
      expect(materialise(loaded.updates)).toBe('ab')
      await store.close()
    })

    it('SCALE-3: catch-up returns what was stored after a seq, with the snapshot when folded', async () => {
      const store = await factory.open()
      const doc = new Y.Doc()
      expect(await store.catchUp('doc-k', 0)).toBeNull()
      await store.create('doc-k', Y.encodeStateAsUpdate(doc))
      const [one] = await store.append([{ docId: 'doc-k', update: textUpdate(doc, 'één ') }])
      const [two] = await store.append([{ docId: 'doc-k', update: textUpdate(doc, 'twee ') }])
      const after = await store.catchUp('doc-k', one!)
      expect(after!.seq).toBe(two)
      expect(after!.updates).toHaveLength(1)
      await store.compact('doc-k', Y.encodeStateAsUpdate(doc), two!)
      const [three] = await store.append([{ docId: 'doc-k', update: textUpdate(doc, 'drie') }])
      // Rows after `one` are folded now: the snapshot comes first, then the newer rows.
      const folded = await store.catchUp('doc-k', one!)
      expect(folded!.seq).toBe(three)
      expect(materialise(folded!.updates)).toBe('één twee drie')
      expect((await store.catchUp('doc-k', three!))!.updates).toEqual([])
      await store.close()
    })

    it('DUR-5: what was appended survives closing and reopening the store', async () => {
      const store = await factory.open()
      const doc = new Y.Doc()
      await store.create('doc-r', Y.encodeStateAsUpdate(doc))
      await store.append([{ docId: 'doc-r', update: textUpdate(doc, 'blijft') }])
      await store.close()
      const reopened = await factory.open()
      expect(materialise((await reopened.load('doc-r'))!.updates)).toBe('blijft')
      await reopened.ping()
      await reopened.close()
    })
  })
}
