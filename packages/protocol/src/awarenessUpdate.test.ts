import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { peekAwarenessClientIds } from './awarenessUpdate.ts'
import { decodeClientFrame, encodeAwarenessFrame, encodeSyncStep1Frame } from './frame.ts'
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

/** An awareness frame whose entries carry these raw state strings (not necessarily JSON). */
const rawAwarenessFrame = (entries: { clientId: number; clock: number; json: string }[]) => {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, entries.length)
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(update, clientId)
    encoding.writeVarUint(update, clock)
    encoding.writeVarString(update, json)
  }
  return encodeAwarenessFrame(encoding.toUint8Array(update))
}

describe("decodeClientFrame given the connection's own awareness id (PROTO-7)", () => {
  const frame = rawAwarenessFrame([
    { clientId: 7, clock: 3, json: '{"cursor":1}' },
    { clientId: 8, clock: 1, json: 'not json {' },
    { clientId: 9, clock: 2, json: '{"cursor":2}' },
  ])

  it('yields only the own entry and leaves the others unparsed', () => {
    expect(decodeClientFrame(frame, 7)).toMatchObject({
      type: 'awareness',
      entries: [{ clientId: 7, clock: 3, state: { cursor: 1 } }],
    })
    expect(decodeClientFrame(frame, 5)).toMatchObject({ type: 'awareness', entries: [] })
  })

  it('still reads every entry without an own id, and still refuses a truncated frame', () => {
    expect(() => decodeClientFrame(frame)).toThrow(FrameError)
    expect(() => decodeClientFrame(frame.subarray(0, frame.length - 2), 7)).toThrow(FrameError)
  })
})
