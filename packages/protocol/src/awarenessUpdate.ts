import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { FrameError } from './frameError.ts'
import { MessageType } from './messageType.ts'

/** One entry of a y-protocols awareness update; `state === null` means "client left". */
export interface AwarenessEntry {
  clientId: number
  clock: number
  state: unknown
}

const writeAwarenessEntries = (
  encoder: encoding.Encoder,
  entries: readonly AwarenessEntry[],
): void => {
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, JSON.stringify(entry.state ?? null))
  }
}

/**
 * Throws on truncated input or invalid JSON; the caller turns that into a FrameError. With
 * `onlyClientId`, the other entries are skipped unparsed (PROTO-7).
 */
const readAwarenessEntries = (
  decoder: decoding.Decoder,
  onlyClientId?: number,
): AwarenessEntry[] => {
  const count = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    if (onlyClientId !== undefined && clientId !== onlyClientId) {
      decoding.readVarUint8Array(decoder)
      continue
    }
    const state: unknown = JSON.parse(decoding.readVarString(decoder))
    entries.push({ clientId, clock, state })
  }
  return entries
}

export const encodeAwarenessEntries = (entries: readonly AwarenessEntry[]): Uint8Array => {
  const encoder = encoding.createEncoder()
  writeAwarenessEntries(encoder, entries)
  return encoding.toUint8Array(encoder)
}

export const decodeAwarenessEntries = (
  update: Uint8Array,
  onlyClientId?: number,
): AwarenessEntry[] => {
  const decoder = decoding.createDecoder(update)
  const entries = readAwarenessEntries(decoder, onlyClientId)
  if (decoding.hasContent(decoder)) throw new RangeError('trailing bytes in awareness update')
  return entries
}

/**
 * The client ids of an awareness frame, read without parsing any state (PROTO-6); null when the
 * frame is not an awareness message. Stock y-websocket clients echo every awareness change they
 * receive, so the server must recognise an echo cheaply. Throws on a truncated frame.
 */
export const peekAwarenessClientIds = (frame: Uint8Array): number[] | null => {
  try {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MessageType.Awareness) return null
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
    const count = decoding.readVarUint(update)
    const ids: number[] = []
    for (let i = 0; i < count; i++) {
      ids.push(decoding.readVarUint(update))
      decoding.readVarUint(update)
      decoding.readVarUint8Array(update)
    }
    return ids
  } catch (error) {
    throw new FrameError(error instanceof Error ? error.message : 'undecodable awareness frame')
  }
}
