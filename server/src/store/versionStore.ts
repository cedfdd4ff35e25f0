import type { VersionKind } from '@koers/protocol'

export { VERSION_KINDS, type VersionKind } from '@koers/protocol'

/** A version as it is listed: no document state. */
export interface VersionSummary {
  id: string
  name: string
  kind: VersionKind
  /** ISO 8601 */
  createdAt: string
}

/** A version with its frozen document: the encoded Yjs state of the whole document. */
export interface StoredVersion extends VersionSummary {
  workspaceId: string
  state: Uint8Array
}

/**
 * Named versions of workspace documents (docs/versions.md). Narrow on purpose so SQLite and
 * PostgreSQL can both implement it; every implementation passes `versionStoreContract`.
 */
export interface VersionStore {
  /** Stores a version durably. Fails when the id is taken. */
  save(version: StoredVersion): Promise<void>
  /** The versions of one workspace, newest first (ties: the one saved last first). */
  list(workspaceId: string): Promise<VersionSummary[]>
  /** One version of this workspace with its state; null when it does not exist here. */
  get(workspaceId: string, versionId: string): Promise<StoredVersion | null>
  count(workspaceId: string): Promise<number>
  /**
   * Replaces the frozen state of a version (VER-6: a "before restore" version that missed what
   * was typed in the last moment before the restore). False when it does not exist here.
   */
  replaceState(workspaceId: string, versionId: string, state: Uint8Array): Promise<boolean>
}
