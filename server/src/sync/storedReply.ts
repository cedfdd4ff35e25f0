import { encodeSyncStep2Frame } from '@koers/protocol'
import * as Y from 'yjs'
import type { StoredDocument } from '../store/documentStore.ts'
import type { Connection } from './connection.ts'

/** SYNC-25: stored documents from this size on are served while the room loads. */
export const STORED_REPLY_MIN_BYTES = 128 * 1024
/** SYNC-25: the longest a room's load waits for its stored-state replies to leave. */
const STORED_REPLY_MAX_WAIT_MS = 1_000
const STORED_REPLY_POLL_MS = 5

/** A room being loaded: the sockets that wait for it, and the reply a joiner gets meanwhile. */
export interface LoadingRoom {
  waiting: Set<Connection>
  storedReply: Buffer | null
}

/**
 * SYNC-25: applying a large stored document to a Y.Doc takes long (a typed 1 MB vision:
 * hundreds of milliseconds of CPU) and blocks the event loop, while what a new client asks
 * for is exactly the stored document. So the stored state is encoded once as a sync step 2
 * frame and sent to every socket that joined and asks for everything (an empty state vector),
 * and the room is built once those replies have left, or after at most a second. A client
 * answered this way is attached like any other, and gets every later update from the room.
 */
export async function serveStoredWhileLoading(
  loading: LoadingRoom,
  stored: StoredDocument,
): Promise<void> {
  const bytes = stored.updates.reduce((n, update) => n + update.byteLength, 0)
  if (bytes < STORED_REPLY_MIN_BYTES) return
  const state = stored.updates.length === 1 ? stored.updates[0]! : Y.mergeUpdates(stored.updates)
  const frame = encodeSyncStep2Frame(state)
  loading.storedReply = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength)
  for (const connection of loading.waiting) connection.offerStoredReply(loading.storedReply)
  const start = performance.now()
  for (;;) {
    const waited = performance.now() - start
    if (waited >= STORED_REPLY_MAX_WAIT_MS) break
    if ([...loading.waiting].every((c) => c.storedReplySettled(waited))) break
    await new Promise((resolve) => setTimeout(resolve, STORED_REPLY_POLL_MS))
  }
  loading.storedReply = null
}
