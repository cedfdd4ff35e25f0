import { SESSION_LIFETIME_MS } from '../auth/sessions.ts'
import { errorFields, type Logger } from '../log.ts'
import type { LifecycleStore } from '../store/lifecycleStore.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'
import type { WorkspaceEraser } from './workspaceEraser.ts'

export const DAY_MS = 24 * 60 * 60 * 1000
const HOUR_MS = 60 * 60 * 1000
/** Workspaces deleted per round at most, so one round never holds the event loop for long. */
const BATCH = 100

export interface HousekeepingDeps {
  store: LifecycleStore
  eraser: WorkspaceEraser
  registry: RoomRegistry
  retentionDays: number | null
  log: Logger
  now?: () => number
}

export interface HousekeepingResult {
  purgedSessions: number
  deletedWorkspaces: number
}

/**
 * One round: PRIV-4 expired sessions are purged; PRIV-5 with a retention period, workspaces
 * unused for that long are deleted, except one that has people connected right now (its
 * activity is recorded instead).
 */
export const runHousekeeping = async (deps: HousekeepingDeps): Promise<HousekeepingResult> => {
  const now = (deps.now ?? Date.now)()
  const purgedSessions = await deps.store.purgeSessions(new Date(now - SESSION_LIFETIME_MS))
  let deletedWorkspaces = 0
  if (deps.retentionDays !== null) {
    const cutoff = new Date(now - deps.retentionDays * DAY_MS)
    for (;;) {
      const idle = await deps.store.idleWorkspaces(cutoff, BATCH)
      for (const workspaceId of idle) {
        if ((deps.registry.roomOf(workspaceId)?.connections.size ?? 0) > 0) {
          await deps.store.touchWorkspace(workspaceId, new Date(now))
          continue
        }
        await deps.eraser.erase(workspaceId)
        deletedWorkspaces++
      }
      if (idle.length < BATCH) break
    }
  }
  if (purgedSessions > 0 || deletedWorkspaces > 0) {
    deps.log.info('housekeeping', { purgedSessions, deletedWorkspaces })
  }
  return { purgedSessions, deletedWorkspaces }
}

/** Runs a round now (awaited at start) and then every hour until stopped. */
export const startHousekeeping = async (
  deps: HousekeepingDeps,
  intervalMs = HOUR_MS,
): Promise<() => void> => {
  await runHousekeeping(deps)
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    runHousekeeping(deps)
      .catch((error: unknown) => deps.log.error('housekeeping failed', errorFields(error)))
      .finally(() => {
        running = false
      })
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
