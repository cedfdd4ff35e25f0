import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWorkspaceDoc } from '@koers/doc-model'
import * as Y from 'yjs'
import { openDatabase } from '../store/database.ts'
import type { AppendEntry, DocumentStore } from '../store/documentStore.ts'
import { createSqliteDocumentStore } from '../store/sqliteDocumentStore.ts'

/** A real SQLite store in a temp dir, with counters and a switch to make writes fail. */
export interface InstrumentedStore extends DocumentStore {
  loads: number
  catchUps: number
  appends: AppendEntry[][]
  failAppends: boolean
  failLoads: boolean
  /** When set, append waits for this promise (to observe "not broadcast before stored"). */
  gate: Promise<void> | null
  dir: string
  cleanup(): Promise<void>
}

export const createTempStore = (): InstrumentedStore => {
  const dir = mkdtempSync(join(tmpdir(), 'koers-test-'))
  const db = openDatabase(dir, 'normal')
  const inner = createSqliteDocumentStore(db)
  const store: InstrumentedStore = {
    loads: 0,
    catchUps: 0,
    appends: [],
    failAppends: false,
    failLoads: false,
    gate: null,
    dir,
    create: (docId, state) => inner.create(docId, state),
    load: async (docId) => {
      store.loads++
      if (store.failLoads) throw new Error('disk on fire')
      return inner.load(docId)
    },
    append: async (batch) => {
      if (store.gate) await store.gate
      if (store.failAppends) throw new Error('disk full')
      store.appends.push([...batch])
      return inner.append(batch)
    },
    compact: (docId, state, seq) => inner.compact(docId, state, seq),
    catchUp: async (docId, afterSeq) => {
      store.catchUps++
      return inner.catchUp(docId, afterSeq)
    },
    ping: () => inner.ping(),
    close: async () => void db.close(),
    cleanup: async () => {
      if (db.open) db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return store
}

export const createTemplateDoc = async (store: DocumentStore, docId: string): Promise<void> => {
  const doc = new Y.Doc()
  createWorkspaceDoc(doc, { title: 'Visie', school: 'De Linde' })
  await store.create(docId, Y.encodeStateAsUpdate(doc))
}
