import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/** y-websocket message kinds (first varuint of every frame). */
export const MessageKind = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const

export type DecodedFrame =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'auth'; denied: boolean; reason: string }
  | { kind: 'query-awareness' }
  | { kind: 'unknown'; type: number }

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageKind.sync)
    syncProtocol.writeSyncStep1(e, doc)
  })
}

export function syncStep2Frame(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageKind.sync)
    syncProtocol.writeSyncStep2(e, doc, stateVector)
  })
}

export function updateFrame(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageKind.sync)
    syncProtocol.writeUpdate(e, update)
  })
}

export function awarenessFrame(
  awareness: awarenessProtocol.Awareness,
  clients?: number[],
): Uint8Array {
  const update = awarenessProtocol.encodeAwarenessUpdate(
    awareness,
    clients ?? [...awareness.getStates().keys()],
  )
  return frame((e) => {
    encoding.writeVarUint(e, MessageKind.awareness)
    encoding.writeVarUint8Array(e, update)
  })
}

/** Awareness frame with hand-written states; `json` is written as the state string as is. */
export function rawAwarenessFrame(
  entries: ({ clientID: number; clock: number } & ({ state: unknown } | { json: string }))[],
): Uint8Array {
  const inner = frame((e) => {
    encoding.writeVarUint(e, entries.length)
    for (const entry of entries) {
      encoding.writeVarUint(e, entry.clientID)
      encoding.writeVarUint(e, entry.clock)
      encoding.writeVarString(e, 'json' in entry ? entry.json : JSON.stringify(entry.state))
    }
  })
  return frame((e) => {
    encoding.writeVarUint(e, MessageKind.awareness)
    encoding.writeVarUint8Array(e, inner)
  })
}

export function decodeFrame(data: Uint8Array): DecodedFrame {
  const decoder = decoding.createDecoder(data)
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case MessageKind.sync: {
      const syncType = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        return { kind: 'sync-step1', stateVector: payload }
      }
      if (syncType === syncProtocol.messageYjsSyncStep2)
        return { kind: 'sync-step2', update: payload }
      if (syncType === syncProtocol.messageYjsUpdate) return { kind: 'update', update: payload }
      return { kind: 'unknown', type }
    }
    case MessageKind.awareness:
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
    case MessageKind.auth: {
      const authType = decoding.readVarUint(decoder)
      const reason = decoding.hasContent(decoder) ? decoding.readVarString(decoder) : ''
      return { kind: 'auth', denied: authType === 0, reason }
    }
    case MessageKind.queryAwareness:
      return { kind: 'query-awareness' }
    default:
      return { kind: 'unknown', type }
  }
}

/** Reads the states of an awareness update without an Awareness instance. */
export function readAwarenessStates(
  update: Uint8Array,
): { clientID: number; clock: number; state: unknown }[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const states: { clientID: number; clock: number; state: unknown }[] = []
  for (let i = 0; i < count; i++) {
    const clientID = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state = JSON.parse(decoding.readVarString(decoder)) as unknown
    states.push({ clientID, clock, state })
  }
  return states
}
