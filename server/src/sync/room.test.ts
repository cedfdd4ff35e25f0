import {
  CloseCode,
  DEFAULT_LIMITS,
  encodeUpdateFrame,
  participantColor,
  type ClientFrame,
  type Limits,
} from '@koers/protocol'
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createWorkspaceDoc, listSections, readMeta } from '@koers/doc-model'
import type { Principal, Role } from '../auth/role.ts'
import { silentLogger } from '../log.ts'
import { FakePeer } from '../testing/fakeSocket.ts'
import { createTemplateDoc, createTempStore, type InstrumentedStore } from '../testing/tempStore.ts'
import { RoomRegistry } from './roomRegistry.ts'
import { STORED_REPLY_MIN_BYTES } from './storedReply.ts'

const DOC = 'room-test-doc-0001'
let store: InstrumentedStore
let registry: RoomRegistry
let n = 0

const setup = async (limits: Partial<Limits> = {}): Promise<void> => {
  registry = new RoomRegistry(
    store,
    { ...DEFAULT_LIMITS, roomIdleMs: 60_000, ...limits },
    silentLogger,
  )
}

const principal = (role: Role, participantId = `p${++n}`): Principal => ({
  workspaceId: DOC,
  participantId,
  role,
  displayName: `${role} ${participantId}`,
})

const join = async (role: Role, participantId?: string): Promise<FakePeer> => {
  const peer = new FakePeer()
  peer.connection = registry.join(principal(role, participantId), peer)
  await expect.poll(() => peer.count('sync-step1')).toBe(1)
  peer.requestSync()
  await expect.poll(() => peer.count('sync-step2')).toBe(1)
  return peer
}

beforeEach(async () => {
  store = createTempStore()
  await createTemplateDoc(store, DOC)
  await setup()
})

afterEach(async () => {
  await registry.close()
  await store.cleanup()
})

/** A free-text field of the template (meta `period`), where every role may write. */
const notes = (doc: Y.Doc): Y.Text => doc.getMap('meta').get('period') as Y.Text
const text = (peer: FakePeer): string => notes(peer.doc).toString()

const BIG = 'room-test-doc-big'
const inBig = (role: Role): Principal => ({ ...principal(role), workspaceId: BIG })
const content = (doc: Y.Doc): string => Y.encodeStateVector(doc).join(',')
/** The bytes of the first frame of this type the peer received. */
const firstRaw = (peer: FakePeer, type: ClientFrame['type']): Uint8Array | undefined =>
  peer.raw[peer.frames.findIndex((frame) => frame.type === type)]

/** Stores a document large enough to be served while its room loads (SYNC-25). */
const storeBigDocument = async (): Promise<Y.Doc> => {
  const source = new Y.Doc()
  createWorkspaceDoc(source, { title: 'Groot', school: 'De Linde' })
  const body = source.getXmlFragment(`body:${listSections(source)[0]!.id}`)
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText('lang '.repeat(STORED_REPLY_MIN_BYTES / 4))])
  body.insert(0, [paragraph])
  await store.create(BIG, Y.encodeStateAsUpdate(source))
  return source
}

describe('room', () => {
  it('SYNC-3: fifty sockets joining at once share one store read', async () => {
    const peers = Array.from({ length: 50 }, () => {
      const peer = new FakePeer()
      peer.connection = registry.join(principal('editor'), peer)
      return peer
    })
    await expect.poll(() => peers.every((peer) => peer.count('sync-step1') === 1)).toBe(true)
    expect(store.loads).toBe(1)
  })

  it("SYNC-2: sockets that join in one turn get everyone's awareness, encoded once for all", async () => {
    const present = await join('editor')
    present.sendAwareness([{ clientId: 701, clock: 1, state: { cursor: 3 } }])
    const joiners = Array.from({ length: 3 }, () => {
      const peer = new FakePeer()
      peer.connection = registry.join(principal('viewer'), peer)
      return peer
    })
    await expect.poll(() => joiners.every((peer) => peer.awareness.has(701))).toBe(true)
    const everyone = joiners.map((peer) => firstRaw(peer, 'awareness'))
    expect(everyone[1]).toBe(everyone[0])
    expect(everyone[2]).toBe(everyone[0])
    expect(joiners[0]!.awareness.get(701)).toEqual(expect.objectContaining({ cursor: 3 }))
  })

  it('SYNC-24: a caret change that falls due with an update goes out with it, in one write', async () => {
    registry = new RoomRegistry(
      store,
      {
        ...DEFAULT_LIMITS,
        roomIdleMs: 60_000,
        presenceIntervalMs: 1000,
        broadcastIntervalMs: 1000,
      },
      silentLogger,
    )
    const typist = await join('editor')
    const watcher = await join('editor')
    typist.sendAwareness([{ clientId: 501, clock: 1, state: { cursor: 0 } }])
    await expect
      .poll(() => watcher.awareness.get(501))
      .toEqual(expect.objectContaining({ cursor: 0 }))
    let release!: () => void
    store.gate = new Promise((resolve) => (release = resolve))
    typist.edit((doc) => notes(doc).insert(0, 'x'))
    // The caret moves within the presence window: its flush waits until the window ends.
    typist.sendAwareness([{ clientId: 501, clock: 2, state: { cursor: 1 } }])
    const framesBefore = watcher.raw.length
    release()
    await expect.poll(() => text(watcher)).toBe('x')
    const after = watcher.frames.slice(framesBefore).map((frame) => frame.type)
    expect(after).toEqual(['update', 'awareness'])
    expect(watcher.batches.at(-1)).toBe(2)
    expect(watcher.awareness.get(501)).toEqual(expect.objectContaining({ cursor: 1 }))
  })

  it('SYNC-25: a client joining a large document while it loads gets the stored state at once, then every update', async () => {
    const source = await storeBigDocument()
    const newcomer = new FakePeer()
    newcomer.connection = registry.join(inBig('viewer'), newcomer)
    newcomer.requestSync() // a stock client asks for everything as soon as the socket opens
    await expect.poll(() => newcomer.count('sync-step2')).toBe(1)
    // Answered from the store before the room existed: before the room's own step 1.
    expect(newcomer.frames[0]!.type).toBe('sync-step2')
    expect(content(newcomer.doc)).toBe(content(source))
    await expect.poll(() => newcomer.count('sync-step1')).toBe(1)

    const editor = new FakePeer()
    editor.connection = registry.join(inBig('editor'), editor)
    await expect.poll(() => editor.count('sync-step1')).toBe(1)
    editor.requestSync()
    await expect.poll(() => editor.count('sync-step2')).toBe(1)
    editor.edit((doc) => notes(doc).insert(0, 'nieuw'))
    await expect.poll(() => text(newcomer)).toBe('nieuw')
    expect(store.loads).toBe(1)
  })

  it('SYNC-25: while people keep joining a large document, each is answered from the stored bytes; the room is built once they stop', async () => {
    await registry.close()
    // Nobody is ever quiet long enough here: the room waits for the joiners to leave.
    await setup({ storedReplyQuietMs: 600_000, storedReplyMaxWaitMs: 600_000 })
    const source = await storeBigDocument()
    let built = false
    registry.onLoaded(() => (built = true))
    const joiners: FakePeer[] = []
    for (let i = 0; i < 3; i++) {
      const joiner = new FakePeer()
      joiner.connection = registry.join(inBig('viewer'), joiner)
      joiner.requestSync()
      await expect.poll(() => joiner.count('sync-step2')).toBe(1)
      expect(content(joiner.doc)).toBe(content(source))
      joiners.push(joiner)
    }
    // Each was answered before any room existed: no room has sent its step 1 yet.
    expect(joiners.map((joiner) => joiner.frames.map((frame) => frame.type))).toEqual([
      ['sync-step2'],
      ['sync-step2'],
      ['sync-step2'],
    ])
    expect(built).toBe(false)
    // Nobody waits any more: the room is built.
    for (const joiner of joiners) joiner.connection!.close(CloseCode.GoingAway)
    await expect.poll(() => built).toBe(true)
    expect(store.loads).toBe(1)
  })

  it('SYNC-26: after the load, the stored bytes answer everyone who asks for everything until the document changes', async () => {
    const source = await storeBigDocument()
    const first = new FakePeer()
    first.connection = registry.join(inBig('editor'), first)
    first.requestSync()
    await expect.poll(() => first.count('sync-step1')).toBe(1)
    const storedReply = first.raw[0]!
    expect(first.frames[0]!.type).toBe('sync-step2')

    const later = new FakePeer()
    later.connection = registry.join(inBig('viewer'), later)
    await expect.poll(() => later.count('sync-step1')).toBe(1)
    later.requestSync()
    await expect.poll(() => later.count('sync-step2')).toBe(1)
    // Not encoded again: the very same bytes.
    expect(firstRaw(later, 'sync-step2')).toBe(storedReply)
    expect(content(later.doc)).toBe(content(source))

    first.edit((doc) => notes(doc).insert(0, 'nieuw'))
    await expect.poll(() => text(later)).toBe('nieuw')
    const after = new FakePeer()
    after.connection = registry.join(inBig('viewer'), after)
    await expect.poll(() => after.count('sync-step1')).toBe(1)
    after.requestSync()
    await expect.poll(() => after.count('sync-step2')).toBe(1)
    expect(firstRaw(after, 'sync-step2')).not.toBe(storedReply)
    expect(text(after)).toBe('nieuw')
  })

  it('DUR-1/SYNC-5: updates of one tick are stored in one append, then sent as one frame', async () => {
    const a = await join('editor')
    const b = await join('editor')
    const c = await join('viewer')
    let release!: () => void
    store.gate = new Promise((resolve) => (release = resolve))
    a.edit((doc) => notes(doc).insert(0, 'a'))
    b.edit((doc) => notes(doc).insert(0, 'b'))
    // Nothing is broadcast while the append is still running.
    await new Promise((resolve) => setImmediate(resolve))
    expect(c.count('update')).toBe(0)
    store.gate = null
    release()
    await expect.poll(() => c.count('update')).toBe(1)
    expect(store.appends).toHaveLength(1)
    expect(store.appends[0]).toHaveLength(1)
    // The very same bytes go to every socket, senders included.
    const last = (peer: FakePeer): Uint8Array => peer.raw.at(-1)!
    expect(last(a)).toBe(last(c))
    expect(last(b)).toBe(last(c))
    expect(text(c)).toBe(text(a))
    expect(text(c)).toHaveLength(2)
  })

  it('SYNC-10: a step 1 after an unstored update is answered only once that update is stored', async () => {
    const a = await join('editor')
    let release!: () => void
    store.gate = new Promise((resolve) => (release = resolve))
    const answered = a.count('sync-step2')
    a.edit((doc) => notes(doc).insert(0, 'opgeslagen?'))
    a.requestSync()
    await new Promise((resolve) => setImmediate(resolve))
    expect(a.count('sync-step2')).toBe(answered)
    expect(store.appends).toHaveLength(0)
    store.gate = null
    release()
    await expect.poll(() => a.count('sync-step2')).toBe(answered + 1)
    expect(store.appends).toHaveLength(1)
  })

  it('SYNC-10, SYNC-13: a step 1 after a dropped update waits until the resync brought it', async () => {
    const a = await join('editor')
    const connection = a.connection!
    const updates: Uint8Array[] = []
    const capture = (update: Uint8Array): void => void updates.push(update)
    a.connection = null
    a.doc.on('update', capture)
    notes(a.doc).insert(0, 'A')
    notes(a.doc).insert(1, 'B')
    a.doc.off('update', capture)
    a.connection = connection
    const answered = a.count('sync-step2')
    connection.receive(encodeUpdateFrame(updates[1]!)) // depends on the first: dropped
    a.requestSync()
    expect(a.count('sync-step2')).toBe(answered)
    await expect.poll(() => a.count('sync-step2')).toBe(answered + 1)
    expect(notes(registry.roomOf(DOC)!.doc).toString()).toBe('AB')
    expect(store.appends.flat().length).toBeGreaterThan(0)
  })

  it('DUR-6: a failed append broadcasts nothing and closes the room with StoreUnavailable', async () => {
    const a = await join('editor')
    const b = await join('editor')
    store.failAppends = true
    a.edit((doc) => notes(doc).insert(0, 'lost?'))
    await expect.poll(() => b.closedWith).toBe(CloseCode.StoreUnavailable)
    expect(a.closedWith).toBe(CloseCode.StoreUnavailable)
    expect(b.count('update')).toBe(0)
    store.failAppends = false
    // The client still has its change and resends it after reconnecting.
    const again = new FakePeer()
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(a.doc))
    again.connection = registry.join(principal('editor'), again)
    await expect.poll(() => again.count('sync-step1')).toBe(1)
    const reader = await join('viewer')
    await expect.poll(() => text(reader)).toBe('lost?')
  })

  it('DUR-7: a failed load closes the sockets and keeps the data', async () => {
    store.failLoads = true
    const peer = new FakePeer()
    peer.connection = registry.join(principal('editor'), peer)
    await expect.poll(() => peer.closedWith).toBe(CloseCode.StoreUnavailable)
    expect(registry.roomCount).toBe(0)
    store.failLoads = false
    const reader = await join('viewer')
    expect(readMeta(reader.doc).title).toBe('Visie')
  })

  it('PERM-3: viewer updates are dropped, answered with permission denied, never stored', async () => {
    const viewer = await join('viewer')
    const other = await join('facilitator')
    viewer.edit((doc) => notes(doc).insert(0, 'sneaky'))
    await expect.poll(() => viewer.count('auth')).toBe(1)
    await registry.flush()
    expect(store.appends).toHaveLength(0)
    expect(text(other)).toBe('')
    expect(notes(registry.roomOf(DOC)!.doc).toString()).toBe('')
  })

  it('PERM-4: an editor change to adoption is reverted and every replica converges', async () => {
    const editor = await join('editor')
    const facilitator = await join('facilitator')
    editor.edit((doc) => {
      doc.getMap('adoption').set('status', 'vastgesteld')
      notes(doc).insert(0, 'kept')
    })
    await expect.poll(() => editor.count('auth')).toBe(1)
    await registry.flush()
    const room = registry.roomOf(DOC)!
    await expect.poll(() => editor.doc.getMap('adoption').get('status')).toBe('concept')
    expect(facilitator.doc.getMap('adoption').get('status')).toBe('concept')
    expect(room.doc.getMap('adoption').get('status')).toBe('concept')
    expect(text(facilitator)).toBe('kept')
    // Converged: every replica has the same state.
    expect(Y.encodeStateVector(editor.doc)).toEqual(Y.encodeStateVector(room.doc))
    expect(editor.doc.getMap('adoption').toJSON()).toEqual(room.doc.getMap('adoption').toJSON())
    // A facilitator may change it.
    facilitator.edit((doc) => doc.getMap('adoption').set('status', 'mr'))
    await expect.poll(() => editor.doc.getMap('adoption').get('status')).toBe('mr')
  })

  it('PERM-4: the revert is stored, so a reload has the protected state', async () => {
    const editor = await join('editor')
    editor.edit((doc) => doc.getMap('session').set('phase', 'hijacked'))
    await expect.poll(() => editor.count('auth')).toBe(1)
    await registry.close()
    await setup()
    const reader = await join('viewer')
    expect(reader.doc.getMap('session').get('phase')).toBeUndefined()
  })

  it('PERM-4: an editor that keeps touching protected parts is closed', async () => {
    await registry.close()
    await setup({ maxRevertsBeforeClose: 3 })
    const editor = await join('editor')
    for (let i = 0; i < 3; i++) editor.edit((doc) => doc.getMap('adoption').set('status', `x${i}`))
    await expect.poll(() => editor.closedWith).toBe(CloseCode.PermissionDenied)
  })

  it('PERM-6: awareness is stamped with the session identity; foreign ids are dropped', async () => {
    const editor = await join('editor', 'participant-e')
    const watcher = await join('viewer')
    editor.sendAwareness([
      {
        clientId: 111,
        clock: 1,
        state: { user: { name: 'Admin', role: 'facilitator' }, cursor: 5 },
      },
    ])
    editor.sendAwareness([{ clientId: 222, clock: 1, state: { user: { name: 'Someone else' } } }])
    await expect.poll(() => watcher.awareness.get(111)).toBeTruthy()
    const state = watcher.awareness.get(111) as { user: unknown; cursor: number }
    expect(state.cursor).toBe(5)
    expect(state.user).toEqual({
      name: 'editor participant-e',
      color: expect.any(String),
      role: 'editor',
    })
    await registry.flush()
    expect(watcher.awareness.has(222)).toBe(false)
    // Leaving removes the state for everyone.
    editor.connection!.handleTransportClose()
    await expect.poll(() => watcher.awareness.get(111)).toBeNull()
  })

  it('SYNC-2: a joining socket gets sync step 1 first, then every awareness state', async () => {
    const editor = await join('editor')
    editor.sendAwareness([{ clientId: 444, clock: 1, state: { cursor: 2 } }])
    await registry.flush()
    const late = new FakePeer()
    late.connection = registry.join(principal('viewer'), late)
    await expect.poll(() => late.frames.length).toBeGreaterThanOrEqual(2)
    expect(late.frames.slice(0, 2).map((frame) => frame.type)).toEqual(['sync-step1', 'awareness'])
    expect(late.awareness.get(444)).toMatchObject({ cursor: 2 })
  })

  it('PROTO-6: echoed awareness frames cost the echo budget, not the message budget', async () => {
    await registry.close()
    await setup({ messageBurst: 5, maxMessagesPerSecond: 1, echoBurst: 50, maxEchoesPerSecond: 1 })
    const peer = await join('editor')
    peer.sendAwareness([{ clientId: 333, clock: 1, state: { cursor: 1 } }])
    // Twenty echoes of someone else's state: far over the message budget, within the echo budget.
    for (let i = 0; i < 20; i++) {
      peer.sendAwareness([{ clientId: 444, clock: i + 1, state: { cursor: i } }])
    }
    expect(peer.closedWith).toBeNull()
    // The echo budget is bounded too.
    for (let i = 0; i < 40; i++) {
      peer.sendAwareness([{ clientId: 444, clock: i + 1, state: { cursor: i } }])
    }
    expect(peer.closedWith).toBe(CloseCode.RateLimited)
  })

  it('SYNC-13: an update with a gap is not kept pending; the client is asked to resync', async () => {
    const writer = await join('editor')
    const reader = await join('viewer')
    const offline = writer.connection
    writer.connection = null
    writer.edit((doc) => notes(doc).insert(0, 'eerst '))
    writer.connection = offline
    // The second change depends on the first, which the room has not seen.
    writer.edit((doc) => notes(doc).insert(6, 'dan'))
    expect(registry.roomOf(DOC)!.doc.store.pendingStructs).toBeNull()
    await expect.poll(() => text(reader)).toBe('eerst dan')
    expect(writer.closedWith).toBeNull()
  })

  it('SYNC-13: a deletion of items that do not exist yet cannot hit a later writer', async () => {
    const facilitator = await join('facilitator')
    const editor = await join('editor')
    const room = registry.roomOf(DOC)!
    const target = facilitator.doc.clientID
    const from = Y.getState(room.doc.store, target)
    // A delete-only update for the facilitator's next million clock ticks.
    const encoder = encoding.createEncoder()
    for (const n of [0, 1, target, 1, from, 1_000_000]) encoding.writeVarUint(encoder, n)
    editor.connection!.receive(encodeUpdateFrame(encoding.toUint8Array(encoder)))
    facilitator.edit((doc) => {
      doc.getMap('adoption').set('status', 'vastgesteld')
      notes(doc).insert(0, 'van de procesbegeleider')
    })
    await expect.poll(() => text(editor)).toBe('van de procesbegeleider')
    expect(room.doc.getMap('adoption').get('status')).toBe('vastgesteld')
    expect(room.doc.store.pendingDs).toBeNull()
  })

  it('PROTO-3: a returning viewer whose step 2 repeats known deletions gets no denial', async () => {
    const writer = await join('facilitator')
    writer.edit((doc) => notes(doc).insert(0, 'weg ermee'))
    writer.edit((doc) => notes(doc).delete(0, 4))
    const first = await join('viewer')
    await expect.poll(() => text(first)).toBe('ermee')
    const again = new FakePeer()
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(first.doc))
    again.connection = registry.join(principal('viewer'), again)
    await expect.poll(() => again.count('sync-step1')).toBe(1)
    // The peer answered the room's step 1 with its step 2; a marker round trip proves it was handled.
    again.requestSync()
    await expect.poll(() => again.count('sync-step2')).toBe(1)
    expect(again.count('auth')).toBe(0)
  })

  it('PERM-6: a returning participant gets their client id back at once; nobody else can', async () => {
    const watcher = await join('viewer')
    const first = await join('editor', 'participant-r')
    first.sendAwareness([{ clientId: 555, clock: 3, state: { cursor: 1 } }])
    await expect.poll(() => watcher.awareness.get(555)).toBeTruthy()
    first.connection!.handleTransportClose()
    await expect.poll(() => watcher.awareness.get(555)).toBeNull()

    const intruder = await join('editor', 'participant-x')
    intruder.sendAwareness([{ clientId: 555, clock: 4, state: { cursor: 99 } }])
    // A stock client comes back with the clock it had.
    const back = await join('editor', 'participant-r')
    back.sendAwareness([{ clientId: 555, clock: 3, state: { cursor: 2 } }])
    await expect
      .poll(() => (watcher.awareness.get(555) as { cursor?: number } | null)?.cursor)
      .toBe(2)
    expect((watcher.awareness.get(555) as { user: { name: string } }).user.name).toBe(
      'editor participant-r',
    )
  })

  it('PERM-6: each participant present has a colour no one else present has; tabs share it', async () => {
    // Five participants who all prefer the same colour, and a watcher who prefers another.
    const wish = participantColor('room-colour')
    const ids: string[] = []
    for (let i = 0; ids.length < 5; i++) if (participantColor(`c${i}`) === wish) ids.push(`c${i}`)
    const [a, b, c, d, e] = ids as [string, string, string, string, string]
    let w = 0
    while (participantColor(`w${w}`) === wish) w++
    const watcher = await join('viewer', `w${w}`)
    const colorOf = (clientId: number) =>
      (watcher.awareness.get(clientId) as { user?: { color: string } } | null)?.user?.color
    const announce = async (peer: FakePeer, clientId: number, clock = 1) => {
      peer.sendAwareness([{ clientId, clock, state: { cursor: clock } }])
      await expect.poll(() => colorOf(clientId)).toBeTruthy()
      return colorOf(clientId)!
    }
    const aTab1 = await join('editor', a)
    const aTab2 = await join('editor', a)
    const bPeer = await join('editor', b)
    const cPeer = await join('facilitator', c)
    const aColor = await announce(aTab1, 901)
    expect(aColor).toBe(wish)
    expect(await announce(aTab2, 902)).toBe(aColor)
    const bColor = await announce(bPeer, 903)
    const cColor = await announce(cPeer, 904)
    expect(new Set([aColor, bColor, cColor]).size).toBe(3)

    // One tab of a leaves: a keeps the colour, nobody else can have it.
    aTab1.connection!.handleTransportClose()
    expect(await announce(aTab2, 902, 2)).toBe(aColor)
    const dPeer = await join('editor', d)
    const dColor = await announce(dPeer, 905)
    expect([aColor, bColor, cColor]).not.toContain(dColor)

    // a's last tab leaves: the colour is free and the next one who prefers it gets it.
    aTab2.connection!.handleTransportClose()
    dPeer.connection!.handleTransportClose()
    await expect.poll(() => watcher.awareness.get(902)).toBeNull()
    const newcomer = await join('editor', e)
    expect(await announce(newcomer, 906)).toBe(aColor)
  })

  it('PERM-6: an awareness state over the size cap is dropped', async () => {
    const watcher = await join('viewer')
    const big = await join('editor')
    big.sendAwareness([{ clientId: 777, clock: 1, state: { junk: 'x'.repeat(20_000) } }])
    const small = await join('editor')
    small.sendAwareness([{ clientId: 778, clock: 1, state: { cursor: 1 } }])
    await expect.poll(() => watcher.awareness.get(778)).toBeTruthy()
    expect(watcher.awareness.has(777)).toBe(false)
  })

  it('SYNC-7, SYNC-20: a malformed frame closes only that socket and changes nothing', async () => {
    const bad = await join('editor')
    const good = await join('editor')
    bad.connection!.receive(new Uint8Array([0, 2, 5, 1, 2]))
    expect(bad.closedWith).toBe(CloseCode.MalformedFrame)
    expect(good.closedWith).toBeNull()
    good.edit((doc) => notes(doc).insert(0, 'ok'))
    await expect.poll(() => text(good) === 'ok' && good.count('update') > 0).toBe(true)
  })

  it('SYNC-15, SYNC-16, SYNC-11: rate limit, document size and slow consumers close only the offender', async () => {
    await registry.close()
    await setup({ messageBurst: 5, maxMessagesPerSecond: 1, maxDocumentBytes: 64 * 1024 })
    const spammer = await join('editor')
    for (let i = 0; i < 10; i++) spammer.requestSync()
    expect(spammer.closedWith).toBe(CloseCode.RateLimited)

    const big = await join('editor')
    big.edit((doc) => notes(doc).insert(0, 'x'.repeat(100 * 1024)))
    expect(big.closedWith).toBe(CloseCode.DocumentTooLarge)

    const slow = await join('viewer')
    const writer = await join('facilitator')
    slow.bufferedAmount = DEFAULT_LIMITS.maxOutgoingBufferedBytes + 1
    writer.edit((doc) => notes(doc).insert(0, 'hi'))
    await expect.poll(() => slow.closedWith).toBe(CloseCode.SlowConsumer)
    expect(writer.closedWith).toBeNull()
    expect(notes(registry.roomOf(DOC)!.doc).toString()).toBe('hi')
  })

  it('SYNC-12, DUR-4: an idle room is compacted into a snapshot and unloaded', async () => {
    await registry.close()
    await setup({ roomIdleMs: 20 })
    const editor = await join('editor')
    editor.edit((doc) => notes(doc).insert(0, 'bewaard'))
    await expect.poll(() => editor.count('update')).toBe(1)
    editor.connection!.handleTransportClose()
    await expect.poll(() => registry.roomCount).toBe(0)
    const stored = (await store.load(DOC))!
    expect(stored.logRows).toBe(0)
    expect(stored.updates).toHaveLength(1)
    const reader = await join('viewer')
    expect(text(reader)).toBe('bewaard')
  })
})
