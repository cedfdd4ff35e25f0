import { listSections, sectionBody } from '@koers/doc-model'
import {
  CloseCode,
  encodeAwarenessFrame,
  encodeSyncStep1Frame,
  encodeSyncStep2Frame,
  encodeUpdateFrame,
} from '@koers/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeAwarenessEntries } from '@koers/protocol'
import type { FakePeer } from '../testing/fakeSocket.ts'
import { roomHarness, type RoomHarness } from '../testing/roomHarness.ts'

let harness: RoomHarness
afterEach(() => harness.close())

/** The XmlText of a new paragraph at the end of the first section's body. */
const paragraphText = (doc: Y.Doc): Y.XmlText => {
  const body = sectionBody(doc, listSections(doc)[0]!.id)
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText('')])
  body.push([paragraph])
  return (body.get(body.length - 1) as Y.XmlElement).get(0) as Y.XmlText
}

const bodyString = (doc: Y.Doc): string => sectionBody(doc, listSections(doc)[0]!.id).toString()

/** `count` one-character items that cannot merge (inserted at alternating ends). */
const tinyItems = (peer: FakePeer, count: number): void =>
  peer.edit((doc) => {
    const text = paragraphText(doc)
    for (let i = 0; i < count; i++) text.insert(i % 2 === 0 ? 0 : text.length, 'x')
  })

describe('limits by bytes, items and memory', () => {
  it('LIM-1: a megabyte pasted and deleted nine times never counts as a full document', async () => {
    // The byte budget (SYNC-22) is not what this is about: 4.6 MB pasted in a moment would pass it.
    harness = await roomHarness({ maxDocumentBytes: 1024 * 1024, syncByteBurst: 64 * 1024 * 1024 })
    const writer = await harness.join('facilitator')
    for (let i = 0; i < 9; i++) {
      writer.edit((doc) => paragraphText(doc).insert(0, 'x'.repeat(512 * 1024)))
      writer.edit((doc) => {
        const body = sectionBody(doc, listSections(doc)[0]!.id)
        body.delete(0, body.length)
      })
      await harness.registry.flush()
    }
    expect(writer.closedWith).toBeNull()
    expect(bodyString(harness.registry.roomOf('room-test-doc-0001')!.doc)).toBe('')
  })

  it('LIM-2: an update that grows the document past its struct cap is reverted whole and closes 4413', async () => {
    harness = await roomHarness({ maxDocumentItems: 3_000 })
    const flooder = await harness.join('editor')
    const honest = await harness.join('editor')
    const room = harness.registry.roomOf('room-test-doc-0001')!
    const before = bodyString(room.doc)
    tinyItems(flooder, 5_000)
    await expect.poll(() => flooder.closedWith).toBe(CloseCode.DocumentTooLarge)
    expect(bodyString(room.doc)).toBe(before)
    honest.edit((doc) => paragraphText(doc).insert(0, 'gewoon typen'))
    await expect.poll(() => bodyString(room.doc)).toContain('gewoon typen')
    expect(honest.closedWith).toBeNull()
  })

  it('LIM-3: past the memory budget a growing update gets 1013; the other rooms keep working', async () => {
    const docs = ['room-budget-doc-0001', 'room-budget-doc-0002']
    harness = await roomHarness({}, { docs, memoryBudgetBytes: 1.5 * 2 ** 20 })
    const [a, b] = docs as [string, string]
    const flooder = await harness.join('editor', { docId: a })
    const writer = await harness.join('editor', { docId: b })
    const reader = await harness.join('viewer', { docId: b })
    tinyItems(flooder, 20_000)
    await expect.poll(() => flooder.closedWith).toBe(CloseCode.TryAgainLater)
    writer.edit((doc) => paragraphText(doc).insert(0, 'de rest werkt'))
    await expect.poll(() => bodyString(reader.doc)).toContain('de rest werkt')
    expect(harness.registry.memoryUsed).toBeLessThanOrEqual(1.5 * 2 ** 20)
  })

  it('LIM-3: past the budget new loads get 1013; an idle room is unloaded to make room', async () => {
    const docs = ['room-budget-doc-0001', 'room-budget-doc-0002']
    // Smaller than one template workspace: the first room alone is past the budget.
    harness = await roomHarness({}, { docs, memoryBudgetBytes: 16 * 1024 })
    const [a, b] = docs as [string, string]
    const inA = await harness.join('editor', { docId: a })
    expect(harness.registry.memoryUsed).toBeGreaterThan(16 * 1024)
    const refused = await harness.join('viewer', { docId: b })
    expect(refused.closedWith).toBe(CloseCode.TryAgainLater)
    // Once a is idle (and everything of it is stored), b may load in its place.
    inA.connection!.handleTransportClose()
    const inB = await harness.join('viewer', { docId: b })
    expect(inB.closedWith).toBeNull()
    expect(harness.registry.roomOf(a)).toBeNull()
  })

  it('LIM-4: one participant’s sockets and all sockets are capped', async () => {
    harness = await roomHarness({ maxConnectionsPerParticipant: 2, maxConnections: 4 })
    const tabs = [0, 1, 2].map(() => harness.join('editor', { participantId: 'p-tabs' }))
    const [, , third] = await Promise.all(tabs)
    expect(third!.closedWith).toBe(CloseCode.RateLimited)
    await harness.join('editor')
    await harness.join('editor')
    const fifth = await harness.join('editor')
    expect(fifth.closedWith).toBe(CloseCode.TryAgainLater)
  })
})

describe('replies that cannot pin memory (SYNC-21)', () => {
  it('SYNC-21: a socket that stopped reading gets one reply at a time; the newest request is answered later', async () => {
    harness = await roomHarness()
    const peer = await harness.join('viewer')
    peer.stalled = true
    for (let i = 0; i < 3; i++) peer.connection!.receive(encodeSyncStep1Frame(new Uint8Array([0])))
    await new Promise((resolve) => setImmediate(resolve))
    expect(peer.count('sync-step2')).toBe(2)
    peer.resume()
    await expect.poll(() => peer.count('sync-step2')).toBe(3)
  })

  it('SYNC-21: everyone who asks for the whole document gets the same encoded bytes', async () => {
    harness = await roomHarness()
    const first = await harness.join('viewer')
    const second = await harness.join('viewer')
    const reply = (peer: FakePeer): Uint8Array => {
      peer.connection!.receive(encodeSyncStep1Frame(new Uint8Array([0])))
      return peer.raw.at(-1)!
    }
    const a = reply(first)
    const b = reply(second)
    expect(a.buffer).toBe(b.buffer)
  })
})

describe('budgets of a connection (SYNC-22, PERM-3)', () => {
  it('SYNC-22: awareness bytes have a budget; a flood of large states closes the socket', async () => {
    harness = await roomHarness({ awarenessByteBurst: 64 * 1024, maxAwarenessBytesPerSecond: 1 })
    const peer = await harness.join('viewer')
    const state = { cursor: 'x'.repeat(7_000) }
    for (let clock = 1; clock <= 20 && peer.closedWith === null; clock++) {
      peer.connection!.receive(
        encodeAwarenessFrame(encodeAwarenessEntries([{ clientId: 77, clock, state }])),
      )
    }
    expect(peer.closedWith).toBe(CloseCode.RateLimited)
  })

  it('SYNC-22: query-awareness is answered at most once per interval', async () => {
    harness = await roomHarness()
    const writer = await harness.join('editor')
    writer.sendAwareness([{ clientId: 88, clock: 1, state: { cursor: 1 } }])
    await harness.registry.flush()
    const asker = await harness.join('viewer')
    const before = asker.count('awareness')
    for (let i = 0; i < 50; i++) asker.connection!.receive(new Uint8Array([3]))
    expect(asker.count('awareness') - before).toBe(1)
  })

  it('SYNC-22: sync bytes have a budget; a flood of large updates closes the socket', async () => {
    harness = await roomHarness({ syncByteBurst: 1024 * 1024, maxSyncBytesPerSecond: 1 })
    const peer = await harness.join('viewer')
    const big = encodeUpdateFrame(new Uint8Array(300 * 1024))
    for (let i = 0; i < 5 && peer.closedWith === null; i++) peer.connection!.receive(big)
    expect(peer.closedWith).toBe(CloseCode.RateLimited)
  })

  it('PERM-3: a viewer’s update is refused without being read; one that keeps trying is closed', async () => {
    harness = await roomHarness({ maxRevertsBeforeClose: 3 })
    const viewer = await harness.join('viewer')
    // Not even a Yjs update: a viewer's payload is never decoded, so this is no 4400.
    const garbage = encodeUpdateFrame(new Uint8Array([200, 200, 200, 1]))
    viewer.connection!.receive(garbage)
    expect(viewer.count('auth')).toBe(1)
    expect(viewer.closedWith).toBeNull()
    // A step 2 nobody asked for is refused the same way.
    viewer.connection!.receive(encodeSyncStep2Frame(new Uint8Array([200, 200, 1])))
    viewer.connection!.receive(garbage)
    expect(viewer.closedWith).toBe(CloseCode.PermissionDenied)
  })
})
