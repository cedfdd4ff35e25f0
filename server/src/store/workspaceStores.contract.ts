import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { hashSecret, newSecret } from '../auth/secrets.ts'
import type { AccessStore } from './accessStore.ts'
import type { DocumentStore } from './documentStore.ts'
import type { LifecycleStore } from './lifecycleStore.ts'

/** The stores of one database, for the contract below. */
export interface WorkspaceStores {
  documents: DocumentStore
  access: AccessStore
  lifecycle: LifecycleStore
  /** Every text value in every table, to prove a deleted workspace left nothing behind. */
  allText(): Promise<string>
}

let counter = 0
const newId = (): string => `contract-ws-${process.pid}-${++counter}`.padEnd(22, 'x')

const seed = async (stores: WorkspaceStores, id: string): Promise<Record<string, string>> => {
  const keys = { facilitator: newSecret(), editor: newSecret(), viewer: newSecret() }
  const doc = new Y.Doc()
  doc.getText('t').insert(0, `tekst van ${id}`)
  await stores.documents.create(id, Y.encodeStateAsUpdate(doc))
  await stores.access.createWorkspace({
    id,
    title: `Visie ${id}`,
    school: 'De Linde',
    keyHashes: {
      facilitator: hashSecret(keys.facilitator),
      editor: hashSecret(keys.editor),
      viewer: hashSecret(keys.viewer),
    },
  })
  return keys
}

/**
 * The rules every implementation of the access and lifecycle stores satisfies (PERM-1, PRIV-3,
 * PRIV-4), on one database with its document store.
 */
export const workspaceStoresContract = (name: string, open: () => Promise<WorkspaceStores>) => {
  describe(`access and lifecycle stores contract: ${name}`, () => {
    it('PERM-1: keys are found by their hash only; sessions are saved, found and moved', async () => {
      const stores = await open()
      const id = newId()
      const keys = await seed(stores, id)
      expect(await stores.access.findKey(hashSecret(keys.editor!))).toEqual({
        workspaceId: id,
        role: 'editor',
      })
      expect(await stores.access.findKey(keys.editor!)).toBeNull()
      const principal = {
        workspaceId: id,
        participantId: 'p-1',
        role: 'editor',
        displayName: 'Eva',
      } as const
      await stores.access.saveSession('token-a', principal)
      expect(await stores.access.findSession('token-a', id)).toEqual(principal)
      await stores.access.moveSessions('token-a', 'token-b')
      expect(await stores.access.findSession('token-a', id)).toBeNull()
      expect(await stores.access.findSession('token-b', id)).toEqual(principal)
    })

    it('PRIV-3: deleting a workspace leaves nothing of it, and touches no other', async () => {
      const stores = await open()
      const gone = newId()
      const kept = newId()
      await seed(stores, gone)
      await seed(stores, kept)
      await stores.access.saveSession('token-gone', {
        workspaceId: gone,
        participantId: 'p-2',
        role: 'viewer',
        displayName: 'Wim',
      })
      await stores.lifecycle.deleteWorkspace(gone)
      expect(await stores.allText()).not.toContain(gone)
      expect(await stores.allText()).toContain(kept)
      expect(await stores.documents.load(gone)).toBeNull()
      expect(await stores.lifecycle.lastActivity(gone)).toBeNull()
    })

    it('PRIV-4: activity is tracked; idle workspaces are found; old sessions are purged', async () => {
      const stores = await open()
      const id = newId()
      await seed(stores, id)
      const long = new Date(Date.now() - 400 * 24 * 3600_000)
      await stores.lifecycle.touchWorkspace(id, long)
      expect((await stores.lifecycle.lastActivity(id))?.getTime()).toBe(long.getTime())
      expect(
        await stores.lifecycle.idleWorkspaces(new Date(Date.now() - 300 * 24 * 3600_000), 1000),
      ).toContain(id)
      expect((await stores.lifecycle.listWorkspaces()).map((w) => w.id)).toContain(id)
      expect(await stores.lifecycle.countWorkspaces()).toBeGreaterThan(0)
      expect(
        await stores.lifecycle.purgeSessions(new Date(Date.now() + 1000)),
      ).toBeGreaterThanOrEqual(0)
    })
  })
}
