import type { Logger } from '../log.ts'
import type { ServerConfig } from '../config.ts'
import type { SessionService } from '../auth/sessions.ts'
import type { TicketStore } from '../auth/tickets.ts'
import type { AccessStore } from '../store/accessStore.ts'
import type { DocumentStore } from '../store/documentStore.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'

/** Everything the HTTP routes need, passed in explicitly (no globals). */
export interface AppDeps {
  config: ServerConfig
  documents: DocumentStore
  access: AccessStore
  sessions: SessionService
  tickets: TicketStore
  registry: RoomRegistry
  log: Logger
}
