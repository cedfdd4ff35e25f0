import { DEFAULT_LIMITS, type Limits } from '@koers/protocol'
import { expect } from 'vitest'
import type { Principal, Role } from '../auth/role.ts'
import { silentLogger, type Logger } from '../log.ts'
import { RoomRegistry } from '../sync/roomRegistry.ts'
import { FakePeer } from './fakeSocket.ts'
import { createTemplateDoc, createTempStore, type InstrumentedStore } from './tempStore.ts'

/** A real registry on a real SQLite store with template workspaces, and in-memory peers. */
export interface RoomHarness {
  store: InstrumentedStore
  registry: RoomRegistry
  principal(role: Role, options?: { participantId?: string; docId?: string }): Principal
  /** Joins and completes the handshake (both step 1s answered). */
  join(role: Role, options?: { participantId?: string; docId?: string }): Promise<FakePeer>
  close(): Promise<void>
}

export const DOC = 'room-test-doc-0001'

export const roomHarness = async (
  limits: Partial<Limits> = {},
  options: { docs?: string[]; memoryBudgetBytes?: number; log?: Logger } = {},
): Promise<RoomHarness> => {
  const store = createTempStore()
  for (const docId of options.docs ?? [DOC]) await createTemplateDoc(store, docId)
  const registry = new RoomRegistry(
    store,
    { ...DEFAULT_LIMITS, roomIdleMs: 60_000, ...limits },
    options.log ?? silentLogger,
    options.memoryBudgetBytes,
  )
  let n = 0
  const principal: RoomHarness['principal'] = (role, { participantId, docId } = {}) => ({
    workspaceId: docId ?? DOC,
    participantId: participantId ?? `p${++n}`,
    role,
    displayName: `${role} ${participantId ?? n}`,
  })
  return {
    store,
    registry,
    principal,
    join: async (role, joinOptions) => {
      const peer = new FakePeer()
      peer.connection = registry.join(principal(role, joinOptions), peer)
      await expect.poll(() => peer.count('sync-step1') + (peer.closedWith ?? 0)).toBeGreaterThan(0)
      if (peer.closedWith !== null) return peer
      peer.requestSync()
      await expect.poll(() => peer.count('sync-step2')).toBe(1)
      return peer
    },
    close: async () => {
      await registry.close()
      await store.cleanup()
    },
  }
}
