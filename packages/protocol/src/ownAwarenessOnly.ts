import * as awarenessProtocol from 'y-protocols/awareness'
import { encodeAwarenessFrame } from './frame.ts'

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/** The parts of a y-websocket `WebsocketProvider` this needs (no dependency on y-websocket). */
export interface AwarenessProvider {
  awareness: awarenessProtocol.Awareness
  ws: { send(data: Uint8Array): void } | null
  wsconnected: boolean
  _awarenessUpdateHandler: (change: AwarenessChange, origin: unknown) => void
}

/**
 * A stock y-websocket provider sends every awareness change it receives back to the server: in
 * a room of 300 that is 300 useless frames per caret move on the school Wi-Fi (PROTO-6). This
 * rewires it to send only its own state. Returns the undo.
 */
export const sendOnlyOwnAwareness = (provider: AwarenessProvider): (() => void) => {
  const { awareness } = provider
  const onChange = (change: AwarenessChange, origin: unknown): void => {
    const own = awareness.clientID
    const ownChanged = [change.added, change.updated, change.removed].some((ids) =>
      ids.includes(own),
    )
    if (origin === provider || !ownChanged || !provider.wsconnected || !provider.ws) return
    provider.ws.send(
      encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(awareness, [own])),
    )
  }
  awareness.off('update', provider._awarenessUpdateHandler)
  awareness.on('update', onChange)
  return () => awareness.off('update', onChange)
}
