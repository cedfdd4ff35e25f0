import { encodeAwarenessEntries, type AwarenessEntry } from '@koers/protocol'
import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { Connection } from './connection.ts'
import { BUS_ORIGIN, SERVER_ORIGIN } from './origin.ts'

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The room's awareness: who is here and where their cursor is. A connection speaks for exactly
 * one client id (the first it announces); entries for other ids are dropped, and the `user`
 * field is overwritten with the identity from the session (PERM-6). Changes within the presence
 * window (`presenceIntervalMs`, 40 ms) are collected and sent as one merged frame (SYNC-6).
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness
  private readonly owners = new Map<number, Connection>()
  /** Which participant spoke for a client id in this room, kept after they leave. */
  private readonly participants = new Map<number, string>()
  private readonly changed = new Set<number>()
  /** Changed by this instance's own sockets: what the other instances must hear (SCALE-3). */
  private readonly changedHere = new Set<number>()
  private readonly released = new Set<number>()

  constructor(
    doc: Y.Doc,
    private readonly maxStateBytes: number,
    onChange: () => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    // The server is not a participant.
    this.awareness.setLocalState(null)
    this.awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        const here = origin !== BUS_ORIGIN
        for (const id of [...added, ...updated, ...removed]) {
          this.changed.add(id)
          if (here) this.changedHere.add(id)
        }
        onChange()
      },
    )
  }

  /** Applies the entries this connection may speak for (PERM-6); oversized states are dropped. */
  apply(connection: Connection, entries: readonly AwarenessEntry[]): void {
    const accepted: AwarenessEntry[] = []
    for (const entry of entries) {
      if (!this.claim(connection, entry)) continue
      if (JSON.stringify(entry.state).length > this.maxStateBytes) continue
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
  }

  /** Removes the states this connection spoke for (socket closed). */
  release(connection: Connection): void {
    const id = connection.awarenessClientId
    if (id === null || this.owners.get(id) !== connection) return
    this.owners.delete(id)
    this.released.add(id)
    awarenessProtocol.removeAwarenessStates(this.awareness, [id], SERVER_ORIGIN)
  }

  /** The full awareness update (for a joining or querying client), or null when empty. */
  encodeAll(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()]
    if (ids.length === 0) return null
    return awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)
  }

  /** Awareness another instance's sockets published (SCALE-3); trusted, never re-published. */
  applyRemote(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, BUS_ORIGIN)
  }

  /**
   * The merged updates since the last call: of everything that changed (for this instance's
   * sockets) and of what changed here (for the other instances); null when nothing did.
   */
  takeChanges(): { all: Uint8Array; here: Uint8Array | null } | null {
    if (this.changed.size === 0) return null
    const ids = [...this.changed]
    const idsHere = [...this.changedHere]
    this.changed.clear()
    this.changedHere.clear()
    const all = awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)
    const here =
      idsHere.length === 0
        ? null
        : idsHere.length === ids.length
          ? all
          : awarenessProtocol.encodeAwarenessUpdate(this.awareness, idsHere)
    // Once its removal is sent, a released id forgets its clock: a stock client that comes back
    // announces the same clock again and must be accepted at once, not after its 15 s renewal.
    for (const id of this.released) {
      if (!this.owners.has(id)) this.awareness.meta.delete(id)
    }
    this.released.clear()
    return { all, here }
  }

  destroy(): void {
    this.owners.clear()
    this.participants.clear()
    this.released.clear()
    this.changed.clear()
    this.changedHere.clear()
    this.awareness.destroy()
  }

  /**
   * A connection owns the first id it announces with a live, newer state (an echoed state of
   * someone else is never claimed). An id belongs to the participant who first spoke for it in
   * this room: only they may take it again, on a reconnect, even while their old socket lingers.
   */
  private claim(connection: Connection, { clientId, clock, state }: AwarenessEntry): boolean {
    if (connection.awarenessClientId !== null) return connection.awarenessClientId === clientId
    if (state === null) return false
    const participantId = connection.principal.participantId
    const holder = this.participants.get(clientId)
    if (holder !== undefined && holder !== participantId) return false
    const known = this.awareness.meta.get(clientId)
    if (known && clock <= known.clock) return false
    const owner = this.owners.get(clientId)
    if (owner && owner !== connection) owner.awarenessClientId = null
    connection.awarenessClientId = clientId
    this.owners.set(clientId, connection)
    this.participants.set(clientId, participantId)
    return true
  }
}
