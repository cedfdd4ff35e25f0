import { join } from 'node:path'
import { openDatabase } from '../store/database.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Moves a stopped server's records back in time, so a test can see what happens to old data
 * without waiting for it: a workspace's last activity and its sessions' creation.
 */
export const ageWorkspace = (dataDir: string, workspaceId: string, days: number): void => {
  const db = openDatabase(dataDir, 'normal')
  try {
    const then = new Date(Date.now() - days * DAY_MS).toISOString()
    db.prepare('UPDATE workspaces SET last_activity_at = ? WHERE id = ?').run(then, workspaceId)
    db.prepare('UPDATE sessions SET created_at = ? WHERE workspace_id = ?').run(then, workspaceId)
  } finally {
    db.close()
  }
}

export const databaseFile = (dataDir: string): string => join(dataDir, 'koers.sqlite')
