import * as awarenessProtocol from 'y-protocols/awareness'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { peekAwarenessClientIds } from './awarenessUpdate.ts'
import { encodeAwarenessFrame, encodeSyncStep1Frame } from './frame.ts'
import { FrameError } from './frameError.ts'

describe('peekAwarenessClientIds (PROTO-6)', () => {
  it('lists the client ids of an awareness frame without parsing states', () => {
    const a = new awarenessProtocol.Awareness(new Y.Doc())
    const b = new awarenessProtocol.Awareness(new Y.Doc())
    a.setLocalState({ user: { name: 'Anna' } })
    b.setLocalState({ user: { name: 'Bram' } })
    awarenessProtocol.applyAwarenessUpdate(
      a,
      awarenessProtocol.encodeAwarenessUpdate(b, [b.clientID]),
      'test',
    )
    const frame = encodeAwarenessFrame(
      awarenessProtocol.encodeAwarenessUpdate(a, [a.clientID, b.clientID]),
    )
    expect(peekAwarenessClientIds(frame)).toEqual([a.clientID, b.clientID])
  })

  it('returns null for other messages and throws FrameError on a truncated frame', () => {
    expect(peekAwarenessClientIds(encodeSyncStep1Frame(new Uint8Array([0])))).toBeNull()
    const a = new awarenessProtocol.Awareness(new Y.Doc())
    a.setLocalState({ user: { name: 'Anna' } })
    const frame = encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(a, [a.clientID]))
    expect(() => peekAwarenessClientIds(frame.subarray(0, frame.length - 3))).toThrow(FrameError)
  })
})
