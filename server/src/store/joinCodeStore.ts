/** A join code as stored: only its hash, never the code (STUDY-8). */
export interface StoredJoinCode {
  workspaceId: string
  expiresAt: Date
  closedAt: Date | null
}

/** The study day's join codes; at most one open per workspace. */
export interface JoinCodeStore {
  /**
   * Closes the workspace's open code, forgets its older ones, and stores the new one. False
   * (nothing changed) when the hash is another workspace's live code: the caller draws again.
   */
  open(workspaceId: string, codeHash: string, createdAt: Date, expiresAt: Date): Promise<boolean>
  find(codeHash: string): Promise<StoredJoinCode | null>
  /** The workspace's code that is neither closed nor expired at `now`, or null. */
  current(workspaceId: string, now: Date): Promise<{ expiresAt: Date } | null>
  /** Closes the open code at `at`; false when there was none. */
  close(workspaceId: string, at: Date): Promise<boolean>
}
