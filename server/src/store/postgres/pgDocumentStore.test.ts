import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DATABASE_URL, postgresTestSchema } from '../../testing/postgresSchema.ts'
import { documentStoreContract, textUpdate } from '../documentStore.contract.ts'
import { createPgDocumentStore } from './pgDocumentStore.ts'
import { openPool, type PgPool } from './pool.ts'

// SCALE-2: the PostgreSQL store passes the same contract as SQLite (run when DATABASE_URL is set).
describe.skipIf(!DATABASE_URL)('PostgreSQL document store', () => {
  let pool: PgPool
  let schema: string
  let drop: () => Promise<void>
  beforeAll(async () => {
    ;({ pool, schema, drop } = await postgresTestSchema())
  })
  afterAll(() => drop())
  documentStoreContract('postgres', { open: async () => createPgDocumentStore(pool) })

  it('SCALE-11: a group commit is one statement: one round trip, no transaction around it', async () => {
    const store = createPgDocumentStore(pool)
    const doc = new Y.Doc()
    await store.create('one-trip-a', Y.encodeStateAsUpdate(doc))
    await store.create('one-trip-b', Y.encodeStateAsUpdate(doc))
    const calls: string[] = []
    const counted = new Proxy(pool, {
      get(target, key, receiver) {
        if (key === 'query' || key === 'connect') calls.push(String(key))
        const value: unknown = Reflect.get(target, key, receiver)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const seqs = await createPgDocumentStore(counted).append([
      { docId: 'one-trip-a', update: textUpdate(doc, 'a'), claims: [[doc.clientID, 'p-anna']] },
      { docId: 'one-trip-b', update: textUpdate(doc, 'b') },
      { docId: 'one-trip-a', update: textUpdate(doc, 'c') },
    ])
    expect(calls).toEqual(['query'])
    expect(seqs).toEqual([1, 1, 2])
    expect([...(await store.load('one-trip-a'))!.owners]).toEqual([[doc.clientID, 'p-anna']])
  })

  it('SCALE-11: two instances appending to the same documents in opposite orders hand out every seq once, without deadlock', async () => {
    const other = await openPool(DATABASE_URL, schema)
    try {
      const stores = [createPgDocumentStore(pool), createPgDocumentStore(other)]
      const docIds = ['race-a', 'race-b', 'race-c', 'race-d', 'race-e', 'race-f']
      for (const docId of docIds) await stores[0]!.create(docId, Y.encodeStateAsUpdate(new Y.Doc()))
      // Each instance keeps several appends in flight, as pools of connections do.
      const rounds = 12
      const lanes = 4
      const run = async (instance: number) => {
        const order = instance === 0 ? docIds : [...docIds].reverse()
        const seqs: number[] = []
        await Promise.all(
          Array.from({ length: lanes }, async () => {
            const doc = new Y.Doc()
            for (let i = 0; i < rounds; i++) {
              const batch = order.map((docId) => ({
                docId,
                update: textUpdate(doc, String(i % 10)),
              }))
              seqs.push(...(await stores[instance]!.append(batch)))
            }
          }),
        )
        return seqs
      }
      const [mine, theirs] = await Promise.all([run(0), run(1)])
      // Every batch got one seq per document; together they number 1..n for each document.
      const n = 2 * lanes * rounds
      const everySeq = [...mine!, ...theirs!].sort((a, b) => a - b)
      const expected = Array.from({ length: n }, (_, i) => docIds.map(() => i + 1)).flat()
      expect(everySeq).toEqual(expected)
      for (const docId of docIds) expect((await stores[0]!.load(docId))!.seq).toBe(n)
    } finally {
      await other.end()
    }
  })
})
