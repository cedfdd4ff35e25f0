import type { TicketStore } from '../auth/tickets.ts'
import type { LifecycleStore } from '../store/lifecycleStore.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'
import type { ActivityTracker } from './activityTracker.ts'

/**
 * PRIV-2: deletes a workspace for good, for the facilitator's delete and for the retention
 * period alike. The rows go first (so no new session or ticket can be had), then the unused
 * tickets and the open sockets (4410); whatever those sockets sent meanwhile was committed by
 * the room, so the rows are deleted once more.
 */
export class WorkspaceEraser {
  constructor(
    private readonly store: LifecycleStore,
    private readonly tickets: TicketStore,
    private readonly registry: RoomRegistry,
    private readonly activity: ActivityTracker,
  ) {}

  async erase(workspaceId: string): Promise<void> {
    await this.store.deleteWorkspace(workspaceId)
    await this.tickets.revokeWorkspace(workspaceId)
    await this.registry.closeWorkspace(workspaceId)
    await this.store.deleteWorkspace(workspaceId)
    this.activity.forget(workspaceId)
  }
}
