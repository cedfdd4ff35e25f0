import { errorFields, type Logger } from '../log.ts'
import type { LifecycleStore } from '../store/lifecycleStore.ts'

const MINUTE_MS = 60_000

/**
 * PRIV-5: records that a workspace is in use (a join or a ticket), writing at most once per
 * minute per workspace, so a study day of 300 people costs a handful of writes.
 */
export class ActivityTracker {
  private readonly written = new Map<string, number>()

  constructor(
    private readonly store: LifecycleStore,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  touch(workspaceId: string): void {
    const now = this.now()
    const last = this.written.get(workspaceId)
    if (last !== undefined && now - last < MINUTE_MS) return
    if (this.written.size >= 10_000) this.forgetOlderThan(now - MINUTE_MS)
    this.written.set(workspaceId, now)
    this.store.touchWorkspace(workspaceId, new Date(now)).catch((error: unknown) => {
      this.log.warn('could not record workspace activity', { workspaceId, ...errorFields(error) })
    })
  }

  forget(workspaceId: string): void {
    this.written.delete(workspaceId)
  }

  private forgetOlderThan(cutoff: number): void {
    for (const [workspaceId, at] of this.written) if (at < cutoff) this.written.delete(workspaceId)
  }
}
