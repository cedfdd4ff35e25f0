import { encodeAwarenessEntries, type AwarenessEntry } from '@koers/protocol'
import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { Connection } from './connection.ts'
import { SERVER_ORIGIN } from './origin.ts'

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The room's awareness: who is here and where their cursor is. A connection speaks for exactly
 * one client id (the first it announces); entries for other ids are dropped, and the `user`
 * field is overwritten with the identity from the session (PERM-6). Changes of one tick are
 * collected and sent as one merged frame (SYNC-6).
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness
  private readonly owners = new Map<number, Connection>()
  private readonly changed = new Set<number>()

  constructor(doc: Y.Doc, onChange: () => void) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    // The server is not a participant.
    this.awareness.setLocalState(null)
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
        for (const id of added) this.changed.add(id)
        for (const id of updated) this.changed.add(id)
        for (const id of removed) this.changed.add(id)
        onChange()
      },
    )
  }

  /** Applies the entries this connection may speak for; returns how many were accepted. */
  apply(connection: Connection, entries: readonly AwarenessEntry[]): number {
    const accepted: AwarenessEntry[] = []
    for (const entry of entries) {
      if (!this.claim(connection, entry)) continue
      const state = isPlainObject(entry.state) ? { ...entry.state, user: connection.user } : null
      accepted.push({ clientId: entry.clientId, clock: entry.clock, state })
    }
    if (accepted.length > 0) {
      awarenessProtocol.applyAwarenessUpdate(
        this.awareness,
        encodeAwarenessEntries(accepted),
        connection,
      )
    }
    return accepted.length
  }

  /** Removes the states this connection spoke for (socket closed). */
  release(connection: Connection): void {
    const id = connection.awarenessClientId
    if (id === null || this.owners.get(id) !== connection) return
    this.owners.delete(id)
    awarenessProtocol.removeAwarenessStates(this.awareness, [id], SERVER_ORIGIN)
  }

  /** The full awareness update (for a joining or querying client), or null when empty. */
  encodeAll(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()]
    if (ids.length === 0) return null
    return awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)
  }

  /** The merged update of everything that changed since the last call, or null. */
  takeChanges(): Uint8Array | null {
    if (this.changed.size === 0) return null
    const ids = [...this.changed]
    this.changed.clear()
    return awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)
  }

  destroy(): void {
    this.owners.clear()
    this.changed.clear()
    this.awareness.destroy()
  }

  /**
   * A connection owns the first id it announces with a live, newer state (an echoed state of
   * someone else, or of someone who left, is never claimed). An id held by another live
   * connection may only be taken over by the same participant (a reconnect that raced the old
   * socket's close).
   */
  private claim(connection: Connection, { clientId, clock, state }: AwarenessEntry): boolean {
    if (connection.awarenessClientId !== null) return connection.awarenessClientId === clientId
    if (state === null) return false
    const known = this.awareness.meta.get(clientId)
    if (known && clock <= known.clock) return false
    const owner = this.owners.get(clientId)
    if (owner && owner !== connection) {
      if (owner.principal.participantId !== connection.principal.participantId) return false
      owner.awarenessClientId = null
    }
    connection.awarenessClientId = clientId
    this.owners.set(clientId, connection)
    return true
  }
}
