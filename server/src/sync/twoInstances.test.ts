import { listSections, sectionBody } from '@koers/doc-model'
import { DEFAULT_LIMITS } from '@koers/protocol'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { Role } from '../auth/role.ts'
import { decodeBusMessage } from '../bus/busMessage.ts'
import { LocalBus, LocalBusNetwork } from '../bus/localBus.ts'
import { silentLogger } from '../log.ts'
import { FakePeer } from '../testing/fakeSocket.ts'
import { createTemplateDoc, createTempStore, type InstrumentedStore } from '../testing/tempStore.ts'
import { RoomRegistry } from './roomRegistry.ts'

// SCALE-3 in memory: two registries (two instances) share one store and a bus; what one stores
// reaches the other's sockets, and a lost or duplicated bus message is repaired from the store.

const DOC = 'two-instances-doc-01'
let store: InstrumentedStore
let network: LocalBusNetwork
let instances: RoomRegistry[]
let n = 0

const start = async (limits: Partial<typeof DEFAULT_LIMITS> = {}): Promise<void> => {
  store = createTempStore()
  await createTemplateDoc(store, DOC)
  network = new LocalBusNetwork()
  instances = [0, 1].map(
    () =>
      new RoomRegistry(
        store,
        { ...DEFAULT_LIMITS, roomIdleMs: 60_000, ...limits },
        silentLogger,
        Number.POSITIVE_INFINITY,
        new LocalBus(network),
      ),
  )
}

afterEach(async () => {
  vi.useRealTimers()
  for (const registry of instances) await registry.close()
  await store.cleanup()
})

const join = async (instance: number, role: Role): Promise<FakePeer> => {
  const peer = new FakePeer()
  const principal = { workspaceId: DOC, participantId: `p${++n}`, role, displayName: `P${n}` }
  peer.connection = instances[instance]!.join(principal, peer)
  await expect.poll(() => peer.count('sync-step1')).toBe(1)
  peer.requestSync()
  await expect.poll(() => peer.count('sync-step2')).toBe(1)
  return peer
}

const type = (peer: FakePeer, text: string): void =>
  peer.edit((doc) => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(text)])
    sectionBody(doc, listSections(doc)[0]!.id).push([paragraph])
  })

const body = (doc: Y.Doc): string => sectionBody(doc, listSections(doc)[0]!.id).toString()

describe('two instances over a bus (SCALE-3)', () => {
  it('SCALE-3: edits and presence of one instance reach the sockets of the other', async () => {
    await start()
    const anna = await join(0, 'editor')
    const bram = await join(1, 'editor')
    type(anna, 'van Anna op A')
    type(bram, 'van Bram op B')
    await expect.poll(() => body(bram.doc)).toContain('van Anna op A')
    await expect.poll(() => body(anna.doc)).toContain('van Bram op B')
    anna.sendAwareness([{ clientId: 501, clock: 1, state: { cursor: 3 } }])
    await expect.poll(() => bram.awareness.get(501)).toMatchObject({ cursor: 3 })
    // The stamped identity crosses too (PERM-6 is decided where the socket is).
    expect(bram.awareness.get(501)).toMatchObject({ user: { name: expect.stringMatching(/^P/) } })
  })

  it('SCALE-3: a dropped bus message is repaired from the store; a duplicate changes nothing', async () => {
    await start()
    const anna = await join(0, 'editor')
    const bram = await join(1, 'viewer')
    let dropped = 0
    network.filter = () => (dropped++ < 1 ? 'drop' : 'duplicate')
    type(anna, 'eerste, verloren op de bus')
    await instances[0]!.flush()
    type(anna, 'tweede, dubbel op de bus')
    await expect.poll(() => body(bram.doc)).toContain('tweede, dubbel op de bus')
    await expect.poll(() => body(bram.doc)).toContain('eerste, verloren op de bus')
    const a = instances[0]!.roomOf(DOC)!
    const b = instances[1]!.roomOf(DOC)!
    expect(Y.equalSnapshots(Y.snapshot(a.doc), Y.snapshot(b.doc))).toBe(true)
    expect(b.lastSeq).toBe(a.lastSeq)
  })

  it('SCALE-3: a hole filled by a late bus message costs no store read; a hole that stays open is read', async () => {
    await start()
    const anna = await join(0, 'editor')
    const bram = await join(1, 'editor')
    const b = instances[1]!.roomOf(DOC)!
    await expect.poll(() => store.catchUps).toBe(2) // each room once, at its load
    // The waits for a late message run on fake timers: the test decides when they end.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const holdUpdates = (): void => {
      network.filter = (bytes) => (decodeBusMessage(bytes)?.kind === 'update' ? 'hold' : 'deliver')
    }
    const storeOnBothAtOnce = async (first: string, second: string): Promise<void> => {
      holdUpdates()
      type(anna, first)
      await instances[0]!.flush() // A stores seq n; its message to B is held back
      network.filter = () => 'deliver'
      type(bram, second)
      await instances[1]!.flush() // B stores seq n + 1: a hole at n
      expect(b.seqs.hasGap).toBe(true)
    }

    await storeOnBothAtOnce('van Anna, laat op de bus', 'van Bram')
    network.releaseHeld()
    await expect.poll(() => b.seqs.hasGap).toBe(false)
    vi.advanceTimersByTime(1_000)
    expect(store.catchUps).toBe(2)

    await storeOnBothAtOnce('van Anna, verloren op de bus', 'weer van Bram')
    vi.advanceTimersByTime(1_000)
    expect(store.catchUps).toBe(3)
    await expect.poll(() => body(bram.doc)).toContain('van Anna, verloren op de bus')
    expect(b.seqs.hasGap).toBe(false)
    network.releaseHeld() // arrives after the repair: a duplicate, skipped
    await expect.poll(() => body(anna.doc)).toContain('weer van Bram')
    expect(body(bram.doc).match(/verloren op de bus/g)).toHaveLength(1)
  })

  it("SCALE-10: another instance's update that arrives during a commit goes out with it, in one write", async () => {
    await start()
    const anna = await join(0, 'editor')
    const bram = await join(1, 'editor')
    const cees = await join(1, 'viewer')
    network.filter = (bytes) => (decodeBusMessage(bytes)?.kind === 'update' ? 'hold' : 'deliver')
    type(anna, 'van Anna op A')
    await instances[0]!.flush() // stored; its message to B is held back
    network.filter = () => 'deliver'
    let release!: () => void
    store.gate = new Promise((resolve) => (release = resolve))
    type(bram, 'van Bram op B')
    const committed = instances[1]!.flush() // B's commit waits for the store
    const framesBefore = cees.raw.length
    network.releaseHeld()
    await expect.poll(() => body(instances[1]!.roomOf(DOC)!.doc)).toContain('van Anna op A')
    expect(cees.raw.length).toBe(framesBefore) // B's sockets wait for B's commit
    release()
    await committed
    await expect.poll(() => body(cees.doc)).toContain('van Bram op B')
    expect(body(cees.doc)).toContain('van Anna op A')
    expect(cees.raw.length - framesBefore).toBe(2)
    expect(cees.batches.at(-1)).toBe(2)
  })

  it("SCALE-10: another instance's update does not wait for a commit that is only queued", async () => {
    await start({ broadcastIntervalMs: 60_000 })
    const anna = await join(0, 'editor')
    const bram = await join(1, 'editor')
    const cees = await join(1, 'viewer')
    type(bram, 'eerste van Bram')
    await instances[1]!.flush() // B's window starts: its next commit is a minute away
    await expect.poll(() => body(cees.doc)).toContain('eerste van Bram')
    type(bram, 'tweede van Bram')
    const updatesBefore = cees.count('update')
    type(anna, 'van Anna op A')
    await instances[0]!.flush()
    await expect.poll(() => body(cees.doc)).toContain('van Anna op A')
    expect(cees.count('update')).toBe(updatesBefore + 1)
    expect(body(cees.doc)).not.toContain('tweede van Bram')
    await instances[1]!.flush()
    await expect.poll(() => body(cees.doc)).toContain('tweede van Bram')
  })

  it('SCALE-12: a stored update goes to the other instances before this instance sends it to its own sockets', async () => {
    await start()
    const anna = await join(0, 'editor')
    const dora = await join(0, 'viewer')
    const bram = await join(1, 'viewer')
    let doraFramesAtPublish = -1
    network.filter = (bytes) => {
      if (decodeBusMessage(bytes)?.kind === 'update') doraFramesAtPublish = dora.raw.length
      return 'deliver'
    }
    const before = dora.raw.length
    type(anna, 'eerst naar B')
    await instances[0]!.flush()
    expect(doraFramesAtPublish).toBe(before)
    expect(dora.raw.length).toBeGreaterThan(before)
    await expect.poll(() => body(bram.doc)).toContain('eerst naar B')
  })
})
