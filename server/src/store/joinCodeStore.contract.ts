import { describe, expect, it } from 'vitest'
import type { JoinCodeStore } from './joinCodeStore.ts'

export interface JoinCodeStoreFixture {
  store: JoinCodeStore
  /** Makes a workspace the codes can belong to. */
  addWorkspace(id: string): Promise<void>
}

const HOUR = 60 * 60_000
const at = (ms: number) => new Date(Date.UTC(2026, 2, 10, 9) + ms)

/** The behaviour every JoinCodeStore must have (SQLite now, PostgreSQL later). */
export const joinCodeStoreContract = (name: string, make: () => Promise<JoinCodeStoreFixture>) => {
  describe(`JoinCodeStore contract: ${name}`, () => {
    it('STUDY-8 stores a code by hash, finds it, and reports it as the open one', async () => {
      const { store, addWorkspace } = await make()
      await addWorkspace('w1')
      expect(await store.open('w1', 'hash-a', at(0), at(12 * HOUR))).toBe(true)
      expect(await store.find('hash-a')).toEqual({
        workspaceId: 'w1',
        expiresAt: at(12 * HOUR),
        closedAt: null,
      })
      expect(await store.current('w1', at(HOUR))).toEqual({ expiresAt: at(12 * HOUR) })
      expect(await store.current('w1', at(12 * HOUR))).toBeNull()
      expect(await store.find('hash-unknown')).toBeNull()
    })

    it('STUDY-8 keeps one open code per workspace: opening again closes the old one', async () => {
      const { store, addWorkspace } = await make()
      await addWorkspace('w1')
      await store.open('w1', 'hash-a', at(0), at(12 * HOUR))
      await store.open('w1', 'hash-b', at(HOUR), at(13 * HOUR))
      expect(await store.find('hash-a')).toBeNull()
      expect(await store.current('w1', at(2 * HOUR))).toEqual({ expiresAt: at(13 * HOUR) })
    })

    it('STUDY-8 closes at once and keeps the closed code to say so', async () => {
      const { store, addWorkspace } = await make()
      await addWorkspace('w1')
      await store.open('w1', 'hash-a', at(0), at(12 * HOUR))
      expect(await store.close('w1', at(HOUR))).toBe(true)
      expect(await store.close('w1', at(2 * HOUR))).toBe(false)
      expect(await store.current('w1', at(HOUR))).toBeNull()
      expect((await store.find('hash-a'))?.closedAt).toEqual(at(HOUR))
    })

    it('STUDY-8 never hands one live code to two workspaces, but reuses a dead one', async () => {
      const { store, addWorkspace } = await make()
      await addWorkspace('w1')
      await addWorkspace('w2')
      await store.open('w1', 'hash-a', at(0), at(12 * HOUR))
      expect(await store.open('w2', 'hash-a', at(HOUR), at(13 * HOUR))).toBe(false)
      expect((await store.find('hash-a'))?.workspaceId).toBe('w1')
      expect(await store.current('w2', at(HOUR))).toBeNull()
      // Expired: the hash may be drawn again for another workspace.
      expect(await store.open('w2', 'hash-a', at(12 * HOUR), at(24 * HOUR))).toBe(true)
      expect((await store.find('hash-a'))?.workspaceId).toBe('w2')
      expect(await store.current('w1', at(12 * HOUR))).toBeNull()
    })
  })
}
