import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { ClientClaim } from '../store/documentStore.ts'
import type { BusUpdate, RoomSubscriber } from './bus.ts'

const UPDATE = 0
const AWARENESS = 1
const SESSIONS_ENDED = 2

export type BusMessage =
  | ({ kind: 'update'; from: string } & BusUpdate)
  | { kind: 'awareness'; from: string; update: Uint8Array }
  | { kind: 'sessionsEnded'; from: string; participantIds: readonly string[] }

/** Hands a decoded message to a room's subscriber. */
export const deliverBusMessage = (message: BusMessage, subscriber: RoomSubscriber): void => {
  if (message.kind === 'update') subscriber.update(message)
  else if (message.kind === 'awareness') subscriber.awareness(message.update)
  else subscriber.sessionsEnded?.(message.participantIds)
}

/** One bus message as bytes (lib0 encoding, like the wire protocol). */
export const encodeBusMessage = (message: BusMessage): Uint8Array => {
  const encoder = encoding.createEncoder()
  if (message.kind === 'sessionsEnded') {
    encoding.writeVarUint(encoder, SESSIONS_ENDED)
    encoding.writeVarString(encoder, message.from)
    encoding.writeVarUint(encoder, message.participantIds.length)
    for (const id of message.participantIds) encoding.writeVarString(encoder, id)
    return encoding.toUint8Array(encoder)
  }
  encoding.writeVarUint(encoder, message.kind === 'update' ? UPDATE : AWARENESS)
  encoding.writeVarString(encoder, message.from)
  if (message.kind === 'update') {
    encoding.writeVarUint(encoder, message.seq)
    encoding.writeFloat64(encoder, message.sentAt ?? Date.now())
    encoding.writeVarUint(encoder, message.claims.length)
    for (const [clientId, participantId] of message.claims) {
      encoding.writeVarUint(encoder, clientId)
      encoding.writeVarString(encoder, participantId)
    }
  }
  encoding.writeVarUint8Array(encoder, message.update)
  return encoding.toUint8Array(encoder)
}

/** Reads a bus message; null for bytes that are not one (another program on the channel). */
export const decodeBusMessage = (bytes: Uint8Array): BusMessage | null => {
  try {
    const decoder = decoding.createDecoder(bytes)
    const kind = decoding.readVarUint(decoder)
    const from = decoding.readVarString(decoder)
    if (kind === SESSIONS_ENDED) {
      const participantIds: string[] = []
      for (let n = decoding.readVarUint(decoder); n > 0; n--) {
        participantIds.push(decoding.readVarString(decoder))
      }
      return { kind: 'sessionsEnded', from, participantIds }
    }
    if (kind === AWARENESS) {
      return { kind: 'awareness', from, update: decoding.readVarUint8Array(decoder) }
    }
    if (kind !== UPDATE) return null
    const seq = decoding.readVarUint(decoder)
    const sentAt = decoding.readFloat64(decoder)
    const claims: ClientClaim[] = []
    for (let n = decoding.readVarUint(decoder); n > 0; n--) {
      claims.push([decoding.readVarUint(decoder), decoding.readVarString(decoder)])
    }
    const update = decoding.readVarUint8Array(decoder)
    return { kind: 'update', from, seq, sentAt, claims, update }
  } catch {
    return null
  }
}
