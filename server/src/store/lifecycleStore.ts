import type { NewWorkspace } from './accessStore.ts'

/**
 * What the server needs to keep, count and forget workspaces (docs/privacy.md). Apart from the
 * document and access stores on purpose: deleting a workspace crosses both.
 */
export interface WorkspaceSummary {
  id: string
  title: string
  school: string
  createdAt: string
  lastActivityAt: string
}

export interface LifecycleStore {
  countWorkspaces(): Promise<number>
  /** Every workspace, oldest activity first (for the host's `pnpm workspaces list`). */
  listWorkspaces(): Promise<WorkspaceSummary[]>
  /** The workspace's last join or ticket (its creation when none yet); null when it is gone. */
  lastActivity(workspaceId: string): Promise<Date | null>
  touchWorkspace(workspaceId: string, at: Date): Promise<void>
  /** Workspaces whose last activity is before `before`, at most `limit` of them. */
  idleWorkspaces(before: Date, limit: number): Promise<string[]>
  /**
   * PRIV-3: deletes every row of the workspace in every table, in one transaction, so that
   * nothing of it stays in the database file. A new table that holds workspace data must be
   * added to its list; `sqliteLifecycleStore.test.ts` fails until it is.
   */
  deleteWorkspace(workspaceId: string): Promise<void>
  /** PRIV-4: deletes sessions created before `before`; returns how many. */
  purgeSessions(before: Date): Promise<number>
  /**
   * VER-9: creates a workspace (row and hashed keys) with its document's first snapshot in ONE
   * transaction: all of it or nothing (an imported backup).
   */
  createWorkspaceWithDocument(workspace: NewWorkspace, state: Uint8Array): Promise<void>
  /** EXP-16: how many different participants have a session in the workspace (no names). */
  countParticipants(workspaceId: string): Promise<number>
}
