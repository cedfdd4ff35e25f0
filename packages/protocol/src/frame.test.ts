import * as awarenessProtocol from 'y-protocols/awareness'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  decodeClientFrame,
  encodeAwarenessFrame,
  encodePermissionDeniedFrame,
  encodeQueryAwarenessFrame,
  encodeSyncStep1Frame,
  encodeSyncStep2Frame,
  encodeUpdateFrame,
  peekFrameKind,
} from './frame.ts'
import { FrameError } from './frameError.ts'

const docWithText = (text: string): Y.Doc => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return doc
}

describe('frame codec (PROTO-1)', () => {
  it('round-trips sync step 1, step 2 and update', () => {
    const doc = docWithText('hallo')
    const sv = Y.encodeStateVector(doc)
    const update = Y.encodeStateAsUpdate(doc)
    expect(decodeClientFrame(encodeSyncStep1Frame(sv))).toEqual({
      type: 'sync-step1',
      stateVector: sv,
    })
    expect(decodeClientFrame(encodeSyncStep2Frame(update))).toEqual({
      type: 'sync-step2',
      update,
      empty: false,
    })
    expect(decodeClientFrame(encodeUpdateFrame(update))).toMatchObject({
      type: 'update',
      empty: false,
    })
    const empty = Y.encodeStateAsUpdate(new Y.Doc())
    expect(decodeClientFrame(encodeSyncStep2Frame(empty))).toMatchObject({ empty: true })
  })

  it('round-trips awareness, query-awareness and auth', () => {
    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState({ cursor: 1 })
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])
    expect(decodeClientFrame(encodeAwarenessFrame(update))).toEqual({
      type: 'awareness',
      update,
      entries: [{ clientId: doc.clientID, clock: 1, state: { cursor: 1 } }],
    })
    awareness.destroy()
    expect(decodeClientFrame(encodeQueryAwarenessFrame())).toEqual({ type: 'query-awareness' })
    expect(decodeClientFrame(encodePermissionDeniedFrame('read-only'))).toEqual({
      type: 'auth',
      reason: 'read-only',
    })
  })

  it('matches the bytes y-protocols writes', () => {
    const doc = docWithText('x')
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    encoding.writeVarUint(encoder, 0)
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc))
    expect(encodeSyncStep1Frame(Y.encodeStateVector(doc))).toEqual(encoding.toUint8Array(encoder))
  })

  it('rejects malformed input with FrameError (PROTO-2)', () => {
    const good = encodeUpdateFrame(Y.encodeStateAsUpdate(docWithText('hallo wereld')))
    const cases: Uint8Array[] = [
      new Uint8Array([]),
      new Uint8Array([9]),
      new Uint8Array([0, 7]),
      good.subarray(0, good.length - 3),
      new Uint8Array([...good, 0]),
      encodeAwarenessFrame(new Uint8Array([1, 5, 1, 3, 123, 123, 123])),
      new Uint8Array([2, 5]),
    ]
    for (const bytes of cases) {
      expect(() => decodeClientFrame(bytes), String([...bytes])).toThrow(FrameError)
    }
  })

  it('PROTO-2: a Yjs payload is not decoded here; applying it is the one decode (SYNC-7)', () => {
    const frame = decodeClientFrame(encodeUpdateFrame(new Uint8Array([200, 200, 200, 1, 2, 3])))
    expect(frame).toMatchObject({ type: 'update', empty: false })
    expect(decodeClientFrame(encodeSyncStep2Frame(new Uint8Array([0, 0])))).toMatchObject({
      empty: true,
    })
  })

  it('peeks the kind of a frame without reading its payload', () => {
    expect(peekFrameKind(encodeUpdateFrame(new Uint8Array(10)))).toBe('update')
    expect(peekFrameKind(encodeSyncStep2Frame(new Uint8Array(10)))).toBe('sync-step2')
    expect(peekFrameKind(encodeSyncStep1Frame(new Uint8Array([0])))).toBe('sync-step1')
    expect(peekFrameKind(new Uint8Array([3]))).toBe('query-awareness')
    expect(peekFrameKind(new Uint8Array([9]))).toBeNull()
    expect(peekFrameKind(new Uint8Array([]))).toBeNull()
  })

  it('never throws anything but FrameError on random bytes', () => {
    let seed = 42
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed
    }
    for (let i = 0; i < 2000; i++) {
      const bytes = new Uint8Array(1 + (next() % 40)).map(() => next() & 255)
      bytes[0] = next() % 4
      try {
        decodeClientFrame(bytes)
      } catch (error) {
        expect(error).toBeInstanceOf(FrameError)
      }
    }
  })
})
