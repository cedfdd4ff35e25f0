import * as awarenessProtocol from 'y-protocols/awareness'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeServerFrame } from './frame.ts'
import { sendOnlyOwnAwareness, type AwarenessProvider } from './ownAwarenessOnly.ts'

describe('sendOnlyOwnAwareness (PROTO-6)', () => {
  it('sends own changes only, never an echo of someone else', () => {
    const sent: Uint8Array[] = []
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    let stockSends = 0
    const provider: AwarenessProvider = {
      awareness,
      ws: { send: (data) => sent.push(data) },
      wsconnected: true,
      _awarenessUpdateHandler: () => stockSends++,
    }
    awareness.on('update', provider._awarenessUpdateHandler)
    sendOnlyOwnAwareness(provider)

    const other = new awarenessProtocol.Awareness(new Y.Doc())
    other.setLocalState({ cursor: 1 })
    awarenessProtocol.applyAwarenessUpdate(
      awareness,
      awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]),
      provider,
    )
    expect(sent).toHaveLength(0)
    awareness.setLocalStateField('cursor', 5)
    expect(sent).toHaveLength(1)
    const frame = decodeServerFrame(sent[0]!)
    expect(frame.type === 'awareness' && frame.entries.map((e) => e.clientId)).toEqual([
      awareness.clientID,
    ])
    expect(stockSends).toBe(0)
  })
})
