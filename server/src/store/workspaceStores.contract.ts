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

    it('PERM-15 PERM-16: replacing a key stops the old one; endSessions deletes exactly the sessions that came in through it', async () => {
      const stores = await open()
      const id = newId()
      const other = newId()
      const keys = await seed(stores, id)
      const otherKeys = await seed(stores, other)
      const session = (participantId: string, role: 'editor' | 'viewer', workspaceId = id) =>
        ({ workspaceId, participantId, role, displayName: participantId }) as const
      const editorHash = hashSecret(keys.editor!)
      await stores.access.saveSession('tok-e1', session('e1', 'editor'), editorHash)
      await stores.access.saveSession('tok-e2', session('e2', 'editor'), editorHash)
      await stores.access.saveSession('tok-v1', session('v1', 'viewer'), hashSecret(keys.viewer!))
      await stores.access.saveSession('tok-code', session('c1', 'editor'), null)
      await stores.access.saveSession(
        'tok-e1',
        session('e9', 'editor', other),
        hashSecret(otherKeys.editor!),
      )

      const kept = await stores.access.replaceKey(id, 'editor', hashSecret('new-editor-1'), false)
      expect(kept.endedParticipantIds).toEqual([])
      expect(await stores.access.findKey(editorHash)).toBeNull()
      expect(await stores.access.findKey(hashSecret('new-editor-1'))).toEqual({
        workspaceId: id,
        role: 'editor',
      })
      expect(await stores.access.findSession('tok-e1', id)).not.toBeNull()

      // Sessions of the key that is current now: one joins through the new key.
      await stores.access.saveSession('tok-e3', session('e3', 'editor'), hashSecret('new-editor-1'))
      const ended = await stores.access.replaceKey(id, 'editor', hashSecret('new-editor-2'), true)
      expect(ended.endedParticipantIds).toEqual(['e3'])
      expect(await stores.access.findSession('tok-e3', id)).toBeNull()
      expect(await stores.access.findKey(hashSecret('new-editor-1'))).toBeNull()
      // Kept earlier, a join code, another role, another workspace: all still there.
      expect(await stores.access.findSession('tok-e1', id)).not.toBeNull()
      expect(await stores.access.findSession('tok-code', id)).not.toBeNull()
      expect(await stores.access.findSession('tok-v1', id)).not.toBeNull()
      expect(await stores.access.findSession('tok-e1', other)).not.toBeNull()
      expect(await stores.access.findKey(hashSecret(otherKeys.editor!))).not.toBeNull()

      const viewers = await stores.access.replaceKey(id, 'viewer', hashSecret('new-viewer'), true)
      expect(viewers.endedParticipantIds).toEqual(['v1'])
      expect(await stores.access.findSession('tok-v1', id)).toBeNull()
      expect(await stores.access.findKey(hashSecret(keys.facilitator!))).toEqual({
        workspaceId: id,
        role: 'facilitator',
      })
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
