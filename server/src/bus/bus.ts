import type { ClientClaim } from '../store/documentStore.ts'

/** A stored document update, as one instance tells the others (SCALE-3). */
export interface BusUpdate {
  seq: number
  /** When the publishing instance sent it (ms since epoch), for the bus-lag metric. */
  sentAt?: number
  update: Uint8Array
  claims: readonly ClientClaim[]
}

export interface RoomSubscriber {
  update(message: BusUpdate): void
  /** A merged awareness update of another instance's sockets. */
  awareness(update: Uint8Array): void
  /** PERM-16: another instance ended these participants' sessions: close their sockets here. */
  sessionsEnded?(participantIds: readonly string[]): void
}

/**
 * How instances that serve the same workspace reach each other (SCALE-3). Narrow on purpose:
 * an in-process bus (tests, one process) and a Redis bus pass one contract suite. A message may
 * be lost, late or duplicated; the store is the source of truth and rooms repair from it.
 */
export interface Bus {
  /** Unique per process; messages carry it so an instance ignores its own. */
  readonly instanceId: string
  publishUpdate(docId: string, message: BusUpdate): void
  publishAwareness(docId: string, update: Uint8Array): void
  /** PERM-16: these participants' sessions of the workspace were ended (a replaced link). */
  publishSessionsEnded(docId: string, participantIds: readonly string[]): void
  /** Starts delivering the document's messages from other instances; returns the unsubscribe. */
  subscribe(docId: string, subscriber: RoomSubscriber): () => void
  /** Whether messages flow now (for /readyz and for rooms to poll the store meanwhile). */
  readonly healthy: boolean
  /** Called when the bus comes back after an outage: everyone catches up from the store. */
  onRecovered(listener: () => void): void
  close(): Promise<void>
}
