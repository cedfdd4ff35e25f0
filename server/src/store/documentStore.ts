/** What a store holds for one document: the snapshot (if any) first, then the log in order. */
export interface StoredDocument {
  updates: Uint8Array[]
  /** Sequence number of the last update folded into the result (0 when none). */
  seq: number
  /** Log rows not yet folded into the snapshot. */
  logRows: number
  /** Total stored bytes (snapshot + log), an upper bound of the document's encoded size. */
  bytes: number
  /** Which participant writes with which Yjs client id (SYNC-19). */
  owners: Map<number, string>
}

/** A Yjs client id claimed by a participant (SYNC-19). */
export type ClientClaim = readonly [clientId: number, participantId: string]

export interface AppendEntry {
  docId: string
  update: Uint8Array
  /** Client ids first written with in this update, stored in the same transaction. */
  claims?: readonly ClientClaim[]
}

/**
 * The document store. Narrow on purpose so SQLite and PostgreSQL can both implement it; every
 * implementation passes `documentStoreContract`.
 */
export interface DocumentStore {
  /** Writes the first snapshot of a new document. Fails if the document already exists. */
  create(docId: string, state: Uint8Array): Promise<void>
  /** `null` when the document was never created. Throws when the store cannot be read. */
  load(docId: string): Promise<StoredDocument | null>
  /** Appends all entries atomically (one transaction) and returns each entry's new seq. */
  append(batch: readonly AppendEntry[]): Promise<number[]>
  /**
   * Replaces the snapshot with `state` (which must contain every update up to `throughSeq`) and
   * deletes the folded log rows, atomically. A stale call (older than the snapshot) is ignored.
   */
  compact(docId: string, state: Uint8Array, throughSeq: number): Promise<void>
  /**
   * What was stored after `afterSeq` (SCALE-3: how an instance repairs a lost or late bus
   * message): the log rows after it, preceded by the snapshot when compaction already folded
   * rows after `afterSeq` into it; `seq` is the newest seq covered; `claims` every client id
   * owner of the document (SYNC-19). `null` for an unknown document.
   */
  catchUp(
    docId: string,
    afterSeq: number,
  ): Promise<{ updates: Uint8Array[]; seq: number; claims: ClientClaim[] } | null>
  /** Cheap liveness check for /readyz. */
  ping(): Promise<void>
  close(): Promise<void>
}
