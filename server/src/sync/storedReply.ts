import { encodeSyncStep2Frame, type Limits } from '@koers/protocol'
import * as Y from 'yjs'
import type { StoredDocument } from '../store/documentStore.ts'
import type { Connection } from './connection.ts'

/** SYNC-25: stored documents from this size on are served while the room loads. */
export const STORED_REPLY_MIN_BYTES = 128 * 1024
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
 * frame and sent to every socket that joined and asks for everything (an empty state vector).
 * The room is built once those replies have left and no socket joined for a while (people who
 * join together keep coming: building the room meanwhile would make the later ones wait for
 * it), or after at most `storedReplyMaxWaitMs`. A client answered this way is attached like any
 * other, and gets every later update from the room. Returns the frame (null for a small
 * document), which answers the same question after the load while nothing changed (SYNC-26).
 */
export async function serveStoredWhileLoading(
  loading: LoadingRoom,
  stored: StoredDocument,
  limits: Pick<Limits, 'storedReplyQuietMs' | 'storedReplyMaxWaitMs'>,
): Promise<Buffer | null> {
  const bytes = stored.updates.reduce((n, update) => n + update.byteLength, 0)
  if (bytes < STORED_REPLY_MIN_BYTES) return null
  const state = stored.updates.length === 1 ? stored.updates[0]! : Y.mergeUpdates(stored.updates)
  const encoded = encodeSyncStep2Frame(state)
  const frame = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength)
  loading.storedReply = frame
  for (const connection of loading.waiting) connection.offerStoredReply(frame)
  const start = performance.now()
  let joined = loading.waiting.size
  let quietSince = start
  for (;;) {
    const now = performance.now()
    const waited = now - start
    if (loading.waiting.size !== joined) {
      joined = loading.waiting.size
      quietSince = now
    }
    if (waited >= limits.storedReplyMaxWaitMs) break
    const open = [...loading.waiting].filter((connection) => !connection.closed)
    if (open.length === 0) break
    const quiet = now - quietSince >= limits.storedReplyQuietMs
    if (quiet && open.every((connection) => connection.storedReplySettled(waited))) break
    await new Promise((resolve) => setTimeout(resolve, STORED_REPLY_POLL_MS))
  }
  loading.storedReply = null
  return frame
}
