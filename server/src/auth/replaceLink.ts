import type { ReplaceableRole } from '@koers/protocol'
import type { AccessStore } from '../store/accessStore.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'
import { hashSecret, newSecret } from './secrets.ts'
import type { TicketStore } from './tickets.ts'

export interface ReplacedKey {
  /** The new key, returned once; only its hash is stored (PERM-1). */
  key: string
  /** Participants whose sessions were ended (empty without `endSessions`). */
  endedParticipantIds: string[]
}

/**
 * PERM-15, PERM-16: gives a role of a workspace a new key. The old key stops admitting at once
 * (same transaction); with `endSessions` the sessions that came in through it are deleted, their
 * unused tickets revoked, and their sockets closed with 4401 on this instance and, over the bus,
 * on every other.
 */
export const replaceLink = async (
  deps: { access: AccessStore; tickets: TicketStore; registry: RoomRegistry },
  workspaceId: string,
  role: ReplaceableRole,
  endSessions: boolean,
): Promise<ReplacedKey> => {
  const key = newSecret()
  const { endedParticipantIds } = await deps.access.replaceKey(
    workspaceId,
    role,
    hashSecret(key),
    endSessions,
  )
  if (endedParticipantIds.length > 0) {
    await deps.tickets.revokeParticipants(workspaceId, endedParticipantIds)
    deps.registry.endSessions(workspaceId, endedParticipantIds)
  }
  return { key, endedParticipantIds }
}
