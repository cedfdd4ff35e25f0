import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { decodeAwarenessEntries, type AwarenessEntry } from './awarenessUpdate.ts'
import { FrameError } from './frameError.ts'
import { AuthMessageType, MessageType, SyncMessageType } from './messageType.ts'

export type ClientFrame =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array; empty: boolean }
  | { type: 'update'; update: Uint8Array; empty: boolean }
  | { type: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { type: 'query-awareness' }
  | { type: 'auth'; reason: string }

/**
 * Whether an update carries nothing: no structs, no deletions (what a client with nothing new
 * sends as its step 2). The payload itself is not decoded here: applying it is the one decode,
 * and a payload Yjs cannot integrate closes the socket there (SYNC-7, SYNC-20).
 */
const isEmptyUpdate = (update: Uint8Array): boolean =>
  update.length === 2 && update[0] === 0 && update[1] === 0

const readSync = (decoder: decoding.Decoder): ClientFrame => {
  const subType = decoding.readVarUint(decoder)
  switch (subType) {
    case SyncMessageType.Step1: {
      const stateVector = decoding.readVarUint8Array(decoder)
      Y.decodeStateVector(stateVector)
      return { type: 'sync-step1', stateVector }
    }
    case SyncMessageType.Step2: {
      const update = decoding.readVarUint8Array(decoder)
      return { type: 'sync-step2', update, empty: isEmptyUpdate(update) }
    }
    case SyncMessageType.Update: {
      const update = decoding.readVarUint8Array(decoder)
      return { type: 'update', update, empty: isEmptyUpdate(update) }
    }
    default:
      throw new FrameError(`unknown sync message type ${subType}`)
  }
}

const readFrame = (decoder: decoding.Decoder, ownAwarenessId?: number): ClientFrame => {
  const messageType = decoding.readVarUint(decoder)
  switch (messageType) {
    case MessageType.Sync:
      return readSync(decoder)
    case MessageType.Awareness: {
      const update = decoding.readVarUint8Array(decoder)
      return { type: 'awareness', update, entries: decodeAwarenessEntries(update, ownAwarenessId) }
    }
    case MessageType.QueryAwareness:
      return { type: 'query-awareness' }
    case MessageType.Auth: {
      const subType = decoding.readVarUint(decoder)
      if (subType !== AuthMessageType.PermissionDenied) {
        throw new FrameError(`unknown auth message type ${subType}`)
      }
      return { type: 'auth', reason: decoding.readVarString(decoder) }
    }
    default:
      throw new FrameError(`unknown message type ${messageType}`)
  }
}

/**
 * Decodes one WebSocket frame. Throws `FrameError` for anything that is not exactly one
 * well-formed message: unknown kinds, truncation, trailing bytes, undecodable Yjs payloads.
 * Given the connection's own awareness client id, an awareness frame yields only that id's
 * entry; the others' states are skipped unparsed (PROTO-7).
 */
export const decodeClientFrame = (bytes: Uint8Array, ownAwarenessId?: number): ClientFrame => {
  let frame: ClientFrame
  const decoder = decoding.createDecoder(bytes)
  try {
    frame = readFrame(decoder, ownAwarenessId)
  } catch (error) {
    if (error instanceof FrameError) throw error
    throw new FrameError(error instanceof Error ? error.message : 'undecodable frame')
  }
  if (decoding.hasContent(decoder)) throw new FrameError('trailing bytes after message')
  return frame
}

/** The kind of a frame from its first bytes, without reading its payload (null if unreadable). */
export type FrameKind = ClientFrame['type']

export const peekFrameKind = (bytes: Uint8Array): FrameKind | null => {
  try {
    const decoder = decoding.createDecoder(bytes)
    switch (decoding.readVarUint(decoder)) {
      case MessageType.Sync:
        switch (decoding.readVarUint(decoder)) {
          case SyncMessageType.Step1:
            return 'sync-step1'
          case SyncMessageType.Step2:
            return 'sync-step2'
          case SyncMessageType.Update:
            return 'update'
          default:
            return null
        }
      case MessageType.Awareness:
        return 'awareness'
      case MessageType.QueryAwareness:
        return 'query-awareness'
      case MessageType.Auth:
        return 'auth'
      default:
        return null
    }
  } catch {
    return null
  }
}

/** Server frames use the same layout; exposed under its own name for clients and tests. */
export const decodeServerFrame = (bytes: Uint8Array): ClientFrame => decodeClientFrame(bytes)

const frameOf = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1Frame = (stateVector: Uint8Array): Uint8Array =>
  frameOf((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Sync)
    encoding.writeVarUint(encoder, SyncMessageType.Step1)
    encoding.writeVarUint8Array(encoder, stateVector)
  })

export const encodeSyncStep2Frame = (update: Uint8Array): Uint8Array =>
  frameOf((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Sync)
    encoding.writeVarUint(encoder, SyncMessageType.Step2)
    encoding.writeVarUint8Array(encoder, update)
  })

export const encodeUpdateFrame = (update: Uint8Array): Uint8Array =>
  frameOf((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Sync)
    encoding.writeVarUint(encoder, SyncMessageType.Update)
    encoding.writeVarUint8Array(encoder, update)
  })

/** `update` is an encoded awareness update (y-protocols `encodeAwarenessUpdate`). */
export const encodeAwarenessFrame = (update: Uint8Array): Uint8Array =>
  frameOf((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Awareness)
    encoding.writeVarUint8Array(encoder, update)
  })

export const encodeQueryAwarenessFrame = (): Uint8Array =>
  frameOf((encoder) => encoding.writeVarUint(encoder, MessageType.QueryAwareness))

/** The y-protocols auth message; y-websocket reports it through its permission-denied handler. */
export const encodePermissionDeniedFrame = (reason: string): Uint8Array =>
  frameOf((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Auth)
    encoding.writeVarUint(encoder, AuthMessageType.PermissionDenied)
    encoding.writeVarString(encoder, reason)
  })
