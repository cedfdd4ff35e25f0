import * as decoding from 'lib0/decoding'
import type * as encoding from 'lib0/encoding'
import { MessageType } from './messageType.ts'

/** The identity the server stamped into a client's awareness state (PERM-6). */
export interface StampedUser {
  name: string
  color: string
  role: string
}

const isStampedUser = (value: unknown): value is StampedUser => {
  if (typeof value !== 'object' || value === null) return false
  const { name, color, role } = value as Record<string, unknown>
  return typeof name === 'string' && typeof color === 'string' && typeof role === 'string'
}

/**
 * The `user` the server stamped into the entry for `clientId` of an awareness update, or null
 * when the update has no live entry for it. Other entries are skipped without parsing their JSON.
 */
export const stampedUserIn = (update: Uint8Array, clientId: number): StampedUser | null => {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    for (let i = 0; i < count; i++) {
      const id = decoding.readVarUint(decoder)
      decoding.readVarUint(decoder) // clock
      if (id !== clientId) {
        decoding.readVarUint8Array(decoder) // the state's JSON, skipped
        continue
      }
      const state: unknown = JSON.parse(decoding.readVarString(decoder))
      const user = typeof state === 'object' && state !== null ? Reflect.get(state, 'user') : null
      return isStampedUser(user) ? user : null
    }
  } catch {
    // not ours to judge: the provider's own handler deals with a broken frame
  }
  return null
}

type MessageHandler = (
  encoder: encoding.Encoder,
  decoder: decoding.Decoder,
  ...rest: never[]
) => void

/** The parts of a y-websocket `WebsocketProvider` this needs (no dependency on y-websocket). */
export interface StampedProvider {
  awareness: { clientID: number }
  messageHandlers: MessageHandler[]
}

/**
 * A client never applies the server's copy of its own awareness state (same clock), so it
 * would not see the colour the room gave it. This reads that copy on its way in and reports the
 * stamp whenever it arrives. Returns the undo.
 */
export const watchOwnStamp = (
  provider: StampedProvider,
  onStamp: (user: StampedUser) => void,
): (() => void) => {
  const original = provider.messageHandlers[MessageType.Awareness]
  if (!original) return () => undefined
  const handler: MessageHandler = (encoder, decoder, ...rest) => {
    let user: StampedUser | null = null
    try {
      const update = decoding.readVarUint8Array(decoding.clone(decoder))
      user = stampedUserIn(update, provider.awareness.clientID)
    } catch {
      // a truncated frame: the provider's own handler deals with it
    }
    original(encoder, decoder, ...rest)
    if (user) onStamp(user)
  }
  provider.messageHandlers[MessageType.Awareness] = handler
  return () => {
    if (provider.messageHandlers[MessageType.Awareness] === handler) {
      provider.messageHandlers[MessageType.Awareness] = original
    }
  }
}
