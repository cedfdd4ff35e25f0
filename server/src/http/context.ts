import type { Bus } from '../bus/bus.ts'
import type { Logger } from '../log.ts'
import type { ServerConfig } from '../config.ts'
import type { JoinCodeService } from '../auth/joinCodes.ts'
import type { SessionService } from '../auth/sessions.ts'
import type { TicketStore } from '../auth/tickets.ts'
import type { ActivityTracker } from '../lifecycle/activityTracker.ts'
import type { WorkspaceEraser } from '../lifecycle/workspaceEraser.ts'
import type { AccessStore } from '../store/accessStore.ts'
import type { LifecycleStore } from '../store/lifecycleStore.ts'
import type { DocumentStore } from '../store/documentStore.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'
import type { Throttle } from './throttle.ts'
import type { ExportPool } from '../export/exportPool.ts'
import type { VersionService } from '../versions/versionService.ts'
import type { RoundService } from '../rounds/roundService.ts'

/** Everything the HTTP routes need, passed in explicitly (no globals). */
export interface AppDeps {
  config: ServerConfig
  /** The bus between instances (SCALE-3); null when this process serves alone. */
  bus: Bus | null
  documents: DocumentStore
  access: AccessStore
  sessions: SessionService
  tickets: TicketStore
  registry: RoomRegistry
  log: Logger
  /** Counting, touching and forgetting workspaces (docs/privacy.md). */
  lifecycle: LifecycleStore
  activity: ActivityTracker
  eraser: WorkspaceEraser
  /** The study day's join codes (STUDY-8). */
  joinCodes: JoinCodeService
  /** SEC-2: per-address limits on creating workspaces and on joining; PERM-14: on wrong codes. */
  throttles: { create: Throttle; join: Throttle; codeGuess: Throttle }
  /** EXP-17: exports run in worker threads. */
  exports: ExportPool
  /** Named versions and restores (docs/versions.md). */
  versions: VersionService
  /** Participation rounds (docs/rounds.md). */
  rounds: RoundService
}
