import { describe, expect, it } from 'vitest'
import type { Bus, BusUpdate } from './bus.ts'

/** Two instances' buses on one network; `close` ends both. */
export interface BusPair {
  a: Bus
  b: Bus
  close(): Promise<void>
}

const waitFor = async (check: () => boolean): Promise<void> => {
  await expect.poll(check, { timeout: 10_000 }).toBe(true)
}

/** SCALE-3 for every Bus implementation (in-process, Redis). */
export const busContract = (name: string, open: () => Promise<BusPair>): void => {
  describe(`Bus contract: ${name} (SCALE-3)`, () => {
    it('SCALE-3: an update and awareness reach the other instance’s room, not the sender, not other rooms', async () => {
      const { a, b, close } = await open()
      const got: { b: BusUpdate[]; bAwareness: number; aSelf: number; other: number } = {
        b: [],
        bAwareness: 0,
        aSelf: 0,
        other: 0,
      }
      b.subscribe('doc-1', {
        update: (m) => void got.b.push(m),
        awareness: () => void got.bAwareness++,
      })
      a.subscribe('doc-1', { update: () => void got.aSelf++, awareness: () => void got.aSelf++ })
      b.subscribe('doc-2', { update: () => void got.other++, awareness: () => void got.other++ })
      await waitFor(() => a.healthy && b.healthy)
      // A subscription takes effect asynchronously: publish until the first message arrives.
      for (let i = 0; got.b.length === 0 && i < 50; i++) {
        a.publishUpdate('doc-1', {
          seq: 7,
          update: new Uint8Array([1, 2, 3]),
          claims: [[42, 'p-a']],
        })
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      a.publishAwareness('doc-1', new Uint8Array([9]))
      await waitFor(() => got.bAwareness > 0)
      expect(got.b[0]).toMatchObject({
        seq: 7,
        update: new Uint8Array([1, 2, 3]),
        claims: [[42, 'p-a']],
      })
      expect(got.aSelf).toBe(0)
      expect(got.other).toBe(0)
      await close()
    })

    it('PERM-16: ended sessions reach the other instance’s room with their participant ids', async () => {
      const { a, b, close } = await open()
      const ended: (readonly string[])[] = []
      b.subscribe('doc-5', {
        update: () => {},
        awareness: () => {},
        sessionsEnded: (ids) => void ended.push(ids),
      })
      await waitFor(() => a.healthy && b.healthy)
      for (let i = 0; ended.length === 0 && i < 50; i++) {
        a.publishSessionsEnded('doc-5', ['p-1', 'p-2'])
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(ended[0]).toEqual(['p-1', 'p-2'])
      await close()
    })

    it('SCALE-3: after unsubscribing nothing more arrives', async () => {
      const { a, b, close } = await open()
      let received = 0
      const unsubscribe = b.subscribe('doc-3', {
        update: () => void received++,
        awareness: () => {},
      })
      await waitFor(() => a.healthy && b.healthy)
      for (let i = 0; received === 0 && i < 50; i++) {
        a.publishAwareness('doc-3', new Uint8Array([1]))
        a.publishUpdate('doc-3', { seq: 1, update: new Uint8Array([1]), claims: [] })
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      unsubscribe()
      const before = received
      a.publishUpdate('doc-3', { seq: 2, update: new Uint8Array([2]), claims: [] })
      // A marker on another subscription proves the bus delivered what came before it.
      let marker = false
      b.subscribe('doc-4', { update: () => (marker = true), awareness: () => {} })
      for (let i = 0; !marker && i < 50; i++) {
        a.publishUpdate('doc-4', { seq: 1, update: new Uint8Array([1]), claims: [] })
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(received).toBe(before)
      await close()
    })
  })
}
