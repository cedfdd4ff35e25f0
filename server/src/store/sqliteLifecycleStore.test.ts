import { createWorkspaceDoc } from '@koers/doc-model'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { hashSecret, newSecret } from '../auth/secrets.ts'
import { findInDatabase, fileBytesContain, tableNames } from '../testing/databaseScan.ts'
import type { AccessStore } from './accessStore.ts'
import { openDatabase, type SqliteDatabase } from './database.ts'
import type { DocumentStore } from './documentStore.ts'
import type { LifecycleStore } from './lifecycleStore.ts'
import { createSqliteAccessStore } from './sqliteAccessStore.ts'
import { createSqliteDocumentStore } from './sqliteDocumentStore.ts'
import { createSqliteLifecycleStore, WORKSPACE_TABLES } from './sqliteLifecycleStore.ts'
import { createSqliteVersionStore } from './sqliteVersionStore.ts'

let dir: string
let db: SqliteDatabase
let documents: DocumentStore
let access: AccessStore
let lifecycle: LifecycleStore
const file = () => join(dir, 'koers.sqlite')

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'koers-lifecycle-'))
  db = openDatabase(dir, 'normal')
  documents = createSqliteDocumentStore(db)
  access = createSqliteAccessStore(db)
  lifecycle = createSqliteLifecycleStore(db)
})
afterEach(async () => {
  await documents.close()
  rmSync(dir, { recursive: true, force: true })
})

/** A workspace with a document (snapshot + log rows with `marker` in its text) and a session. */
const seedWorkspace = async (id: string, marker: string): Promise<void> => {
  const doc = new Y.Doc()
  createWorkspaceDoc(doc, { title: `Visie ${id}`, school: 'De Linde' })
  await documents.create(id, Y.encodeStateAsUpdate(doc))
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  doc.getText('notes').insert(0, marker)
  await documents.append(updates.map((update) => ({ docId: id, update })))
  await documents.compact(id, Y.encodeStateAsUpdate(doc), 1)
  doc.getText('notes').insert(0, `${marker}-log`)
  await documents.append(updates.slice(1).map((update) => ({ docId: id, update })))
  await access.createWorkspace({
    id,
    title: `Visie ${id}`,
    school: 'De Linde',
    keyHashes: {
      facilitator: hashSecret(newSecret()),
      editor: hashSecret(newSecret()),
      viewer: hashSecret(newSecret()),
    },
  })
  await createSqliteVersionStore(db).save({
    id: `v-${id}`,
    workspaceId: id,
    name: `Versie ${marker}`,
    kind: 'named',
    createdAt: new Date().toISOString(),
    state: Y.encodeStateAsUpdate(doc),
  })
  await access.saveSession(hashSecret(newSecret()), {
    workspaceId: id,
    participantId: 'p-1',
    role: 'editor',
    displayName: 'Eva',
  })
}

describe('SQLite lifecycle store', () => {
  it('PRIV-3 every table of the database is listed for workspace deletion', () => {
    expect(tableNames(file()).sort()).toEqual(WORKSPACE_TABLES.map((t) => t.table).sort())
  })

  it('PRIV-3 deleteWorkspace leaves no row of the workspace in any table and no trace in the file', async () => {
    await seedWorkspace('workspace-gone-000001', 'GEHEIM-ABC-123')
    await seedWorkspace('workspace-kept-000002', 'BLIJFT-XYZ-789')
    expect(findInDatabase(file(), 'workspace-gone-000001').length).toBeGreaterThanOrEqual(5)
    expect(fileBytesContain(file(), 'GEHEIM-ABC-123')).toBe(true)

    await lifecycle.deleteWorkspace('workspace-gone-000001')

    expect(findInDatabase(file(), 'workspace-gone-000001')).toEqual([])
    expect(fileBytesContain(file(), 'GEHEIM-ABC-123')).toBe(false)
    const kept = new Set(findInDatabase(file(), 'workspace-kept-000002').map((o) => o.table))
    expect([...kept].sort()).toEqual([
      'access_keys',
      'sessions',
      'snapshots',
      'updates',
      'versions',
      'workspaces',
    ])
    expect(await documents.load('workspace-kept-000002')).not.toBeNull()
    expect(await documents.load('workspace-gone-000001')).toBeNull()
    expect(await lifecycle.countWorkspaces()).toBe(1)
  })

  it('PRIV-4 purgeSessions deletes the sessions created before the cutoff', async () => {
    await seedWorkspace('workspace-sess-000003', 'x')
    const cutoff = new Date(Date.now() + 1000)
    expect(await lifecycle.purgeSessions(new Date(0))).toBe(0)
    expect(await lifecycle.purgeSessions(cutoff)).toBe(1)
    expect(findInDatabase(file(), 'p-1')).toEqual([])
  })

  it('PRIV-5 tracks the last activity and lists workspaces idle since a cutoff', async () => {
    await seedWorkspace('workspace-idle-000004', 'x')
    await seedWorkspace('workspace-busy-000005', 'y')
    const created = await lifecycle.lastActivity('workspace-idle-000004')
    expect(created).not.toBeNull()
    const later = new Date(created!.getTime() + 10 * 86_400_000)
    await lifecycle.touchWorkspace('workspace-busy-000005', later)
    expect(await lifecycle.lastActivity('workspace-busy-000005')).toEqual(later)
    const cutoff = new Date(created!.getTime() + 86_400_000)
    expect(await lifecycle.idleWorkspaces(cutoff, 10)).toEqual(['workspace-idle-000004'])
    expect(await lifecycle.lastActivity('no-such-workspace-00')).toBeNull()
  })

  it('VER-9 createWorkspaceWithDocument writes the workspace, its keys and its document, or nothing', async () => {
    const doc = new Y.Doc()
    createWorkspaceDoc(doc, { title: 'Geïmporteerd', school: 'De Linde' })
    const keyHashes = {
      facilitator: hashSecret(newSecret()),
      editor: hashSecret(newSecret()),
      viewer: hashSecret(newSecret()),
    }
    await lifecycle.createWorkspaceWithDocument(
      { id: 'workspace-import-00007', title: 'Geïmporteerd', school: 'De Linde', keyHashes },
      Y.encodeStateAsUpdate(doc),
    )
    expect(await documents.load('workspace-import-00007')).not.toBeNull()
    expect(await access.findKey(keyHashes.editor)).toEqual({
      workspaceId: 'workspace-import-00007',
      role: 'editor',
    })
    // A key that is taken makes the whole creation fail: no row of the second workspace stays.
    await expect(
      lifecycle.createWorkspaceWithDocument(
        { id: 'workspace-import-00008', title: 'Twee', school: 'X', keyHashes },
        Y.encodeStateAsUpdate(doc),
      ),
    ).rejects.toThrow()
    expect(findInDatabase(file(), 'workspace-import-00008')).toEqual([])
    expect(await lifecycle.countWorkspaces()).toBe(1)
  })

  it('EXP-16 countParticipants counts the different participants of one workspace', async () => {
    await seedWorkspace('workspace-count-000009', 'x')
    await access.saveSession(hashSecret(newSecret()), {
      workspaceId: 'workspace-count-000009',
      participantId: 'p-2',
      role: 'viewer',
      displayName: 'Vera',
    })
    await access.saveSession(hashSecret(newSecret()), {
      workspaceId: 'workspace-count-000009',
      participantId: 'p-2',
      role: 'viewer',
      displayName: 'Vera op haar telefoon',
    })
    expect(await lifecycle.countParticipants('workspace-count-000009')).toBe(2)
    expect(await lifecycle.countParticipants('workspace-none-000010')).toBe(0)
  })

  it('keeps the activity column when a database from before it is opened again', () => {
    db.close()
    const reopened = openDatabase(dir, 'normal')
    const columns = reopened.prepare<[], { name: string }>('PRAGMA table_info(workspaces)').all()
    expect(columns.map((c) => c.name)).toContain('last_activity_at')
    reopened.close()
  })
})
