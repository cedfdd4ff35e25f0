import { describe, expect, it } from 'vitest'
import type { StoredVersion, VersionStore } from './versionStore.ts'

/** Opens a store; opening again after `close()` gives a store on the same data. */
export interface VersionStoreFactory {
  open(): Promise<{ store: VersionStore; close(): Promise<void> }>
}

const version = (
  workspaceId: string,
  id: string,
  createdAt: string,
  overrides: Partial<StoredVersion> = {},
): StoredVersion => ({
  id,
  workspaceId,
  name: `Versie ${id}`,
  kind: 'named',
  createdAt,
  state: new Uint8Array([1, 2, 3, id.length]),
  ...overrides,
})

/** The rules every VersionStore implementation must satisfy (VER-1, VER-2). */
export const versionStoreContract = (name: string, factory: VersionStoreFactory): void => {
  describe(`VersionStore contract: ${name}`, () => {
    it('VER-1: saves a version with its state and gives it back byte for byte', async () => {
      const { store, close } = await factory.open()
      const state = new Uint8Array(70_000).map((_, i) => (i * 31) % 256)
      await store.save(
        version('ws-contract-a-000001', 'v-a-1', '2026-12-01T10:00:00.000Z', {
          name: 'Voor de MR',
          kind: 'auto-status',
          state,
        }),
      )
      const got = await store.get('ws-contract-a-000001', 'v-a-1')
      expect(got).not.toBeNull()
      expect(got!.name).toBe('Voor de MR')
      expect(got!.kind).toBe('auto-status')
      expect(got!.createdAt).toBe('2026-12-01T10:00:00.000Z')
      expect(got!.workspaceId).toBe('ws-contract-a-000001')
      expect(Buffer.from(got!.state).equals(Buffer.from(state))).toBe(true)
      await close()
    })

    it('VER-2: lists the versions of one workspace newest first, without their state', async () => {
      const { store, close } = await factory.open()
      const ws = 'ws-contract-b-000002'
      await store.save(version(ws, 'v-b-old', '2026-12-01T09:00:00.000Z'))
      await store.save(version(ws, 'v-b-new', '2026-12-03T09:00:00.000Z'))
      await store.save(version(ws, 'v-b-mid', '2026-12-02T09:00:00.000Z'))
      // Same moment: the one saved last comes first.
      await store.save(
        version(ws, 'v-b-new2', '2026-12-03T09:00:00.000Z', { kind: 'before-restore' }),
      )
      await store.save(version('ws-contract-other-03', 'v-other', '2026-12-04T09:00:00.000Z'))
      const listed = await store.list(ws)
      expect(listed.map((v) => v.id)).toEqual(['v-b-new2', 'v-b-new', 'v-b-mid', 'v-b-old'])
      expect(listed[0]).toEqual({
        id: 'v-b-new2',
        name: 'Versie v-b-new2',
        kind: 'before-restore',
        createdAt: '2026-12-03T09:00:00.000Z',
      })
      expect(await store.count(ws)).toBe(4)
      expect(await store.list('ws-contract-none-0004')).toEqual([])
      await close()
    })

    it('VER-2: a version is found only in its own workspace; an unknown id is null', async () => {
      const { store, close } = await factory.open()
      await store.save(version('ws-contract-c-000005', 'v-c-1', '2026-12-01T10:00:00.000Z'))
      expect(await store.get('ws-contract-d-000006', 'v-c-1')).toBeNull()
      expect(await store.get('ws-contract-c-000005', 'v-missing')).toBeNull()
      await close()
    })

    it('VER-1: refuses a second version with the same id', async () => {
      const { store, close } = await factory.open()
      await store.save(version('ws-contract-e-000007', 'v-dup', '2026-12-01T10:00:00.000Z'))
      await expect(
        store.save(version('ws-contract-e-000007', 'v-dup', '2026-12-02T10:00:00.000Z')),
      ).rejects.toThrow()
      expect(await store.count('ws-contract-e-000007')).toBe(1)
      await close()
    })

    it('VER-6: replaces the state of a version of its own workspace only', async () => {
      const { store, close } = await factory.open()
      await store.save(version('ws-contract-g-000009', 'v-g-1', '2026-12-01T10:00:00.000Z'))
      expect(await store.replaceState('ws-contract-g-000009', 'v-g-1', new Uint8Array([9]))).toBe(
        true,
      )
      expect(await store.replaceState('ws-contract-h-000010', 'v-g-1', new Uint8Array([7]))).toBe(
        false,
      )
      expect(await store.replaceState('ws-contract-g-000009', 'v-none', new Uint8Array([7]))).toBe(
        false,
      )
      const got = await store.get('ws-contract-g-000009', 'v-g-1')
      expect(got!.state).toEqual(new Uint8Array([9]))
      expect(got!.name).toBe('Versie v-g-1')
      await close()
    })

    it('VER-1: versions survive closing and reopening the store', async () => {
      const first = await factory.open()
      await first.store.save(version('ws-contract-f-000008', 'v-f-1', '2026-12-01T10:00:00.000Z'))
      await first.close()
      const again = await factory.open()
      expect((await again.store.list('ws-contract-f-000008')).map((v) => v.id)).toEqual(['v-f-1'])
      expect((await again.store.get('ws-contract-f-000008', 'v-f-1'))!.state).toEqual(
        new Uint8Array([1, 2, 3, 5]),
      )
      await again.close()
    })
  })
}
