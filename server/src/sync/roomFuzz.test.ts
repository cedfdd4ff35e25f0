import {
  addPrinciple,
  addSection,
  EDITOR_PROTECTED_ROOTS,
  listPrinciples,
  listRemovedSections,
  listSections,
  movePrinciple,
  moveSection,
  principleStatement,
  removePrinciple,
  removeSection,
  restoreSection,
  sectionBody,
  sectionsMap,
  setAdoptionStatus,
  setPaused,
  setSectionLocked,
  ADOPTION_STEPS,
  documentViolations,
} from '@koers/doc-model'
import { seeded, type Random } from '@koers/doc-model/testing'
import { DEFAULT_LIMITS } from '@koers/protocol'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { Role } from '../auth/role.ts'
import { silentLogger } from '../log.ts'
import { FuzzPeer } from '../testing/fuzzPeer.ts'
import { createTemplateDoc, createTempStore } from '../testing/tempStore.ts'
import { RoomRegistry } from './roomRegistry.ts'

// Seeded fuzz through Koers' own room (SYNC-17, PERM-3, PERM-4, PERM-9 … PERM-11, DM-16, DUR-1): editors, a viewer and a
// facilitator edit text and structure, reorder, reconnect, write where they may not, and one
// editor sends its frames out of order and twice. After each run every replica, the room and
// the store agree, no protected root holds an editor's change, and every update a client was
// told was stored is in the store.

const DOC = 'room-fuzz-doc-000001'
const EDITOR_MARK = 'editor-mark'
const ROLES: Role[] = ['facilitator', 'editor', 'editor', 'editor', 'viewer']
/** The peer that sends its frames out of order and twice (a hostile or broken client). */
const CHAOTIC = 3

/** Make doc-model's ids deterministic for one run (ids decide tie-breaks). */
const seedIds = (random: Random): void => {
  vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(
    <T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint8Array)
        for (let i = 0; i < array.length; i++) array[i] = random.int(256)
      return array
    },
  )
}

const editText = (doc: Y.Doc, random: Random, word: string): void => {
  const sections = listSections(doc)
  const section = random.pick(sections)
  if (!section) return
  const body = sectionBody(doc, section.id)
  const paragraphs = body.toArray().filter((node) => node instanceof Y.XmlElement)
  const paragraph = random.chance(0.2) ? undefined : random.pick(paragraphs)
  if (!paragraph) {
    const element = new Y.XmlElement('paragraph')
    element.insert(0, [new Y.XmlText(word)])
    body.insert(random.int(body.length + 1), [element])
    return
  }
  const text = paragraph.get(0)
  if (!(text instanceof Y.XmlText)) return
  if (text.length > 4 && random.chance(0.3)) {
    const at = random.int(text.length - 1)
    text.delete(at, 1 + random.int(Math.min(3, text.length - at - 1)))
  } else text.insert(random.int(text.length + 1), word)
}

const editStructure = (doc: Y.Doc, random: Random, word: string): void => {
  const sections = listSections(doc).map((s) => s.id)
  const principles = listPrinciples(doc).map((p) => p.id)
  switch (random.int(7)) {
    case 0:
      addSection(doc, { title: word, after: random.pick(sections) ?? null })
      return
    case 1:
      if (sections.length > 0) moveSection(doc, random.pick(sections)!, random.int(sections.length))
      return
    case 2: {
      const removed = listRemovedSections(doc)
      if (removed.length > 0 && random.chance(0.5)) restoreSection(doc, random.pick(removed)!.id)
      else if (sections.length > 1) removeSection(doc, random.pick(sections)!)
      return
    }
    case 3:
      addPrinciple(doc, { statement: word, after: random.pick(principles) })
      return
    case 4:
      if (principles.length > 0)
        movePrinciple(doc, random.pick(principles)!, random.int(principles.length))
      return
    case 5:
      if (principles.length > 0 && random.chance(0.5))
        removePrinciple(doc, random.pick(principles)!)
      return
    default: {
      const id = random.pick(principles)
      const statement = id ? principleStatement(doc, id) : undefined
      statement?.insert(random.int(statement.length + 1), word)
    }
  }
}

/** What no Koers client writes: content outside the document's schema (DM-16, DM-18). */
const editOutsideSchema = (doc: Y.Doc, random: Random): void => {
  const section = random.pick(listSections(doc))
  if (!section) return
  if (random.chance(0.5)) sectionBody(doc, section.id).push([new Y.XmlText('kapot')])
  else sectionsMap(doc).set(`kapot${random.int(1000)}`, 42)
}

/**
 * A write to a protected root: allowed for the facilitator (adoption steps, including
 * `vastgesteld`, pause and section locks, which then hold editors back), reverted for an editor.
 */
const editProtected = (doc: Y.Doc, random: Random, role: Role, word: string): void => {
  const facilitator = role === 'facilitator'
  switch (random.int(3)) {
    case 0: {
      const step = random.chance(0.2) ? 'vastgesteld' : random.pick(ADOPTION_STEPS.slice(0, 3))!
      setAdoptionStatus(doc, step, { date: '', note: facilitator ? word : EDITOR_MARK })
      return
    }
    case 1:
      if (facilitator) setPaused(doc, random.chance(0.3))
      else setSectionLocked(doc, EDITOR_MARK, true)
      return
    default: {
      const section = random.pick(listSections(doc))
      if (facilitator && section) setSectionLocked(doc, section.id, random.chance(0.5))
      else setSectionLocked(doc, EDITOR_MARK, true)
    }
  }
}

/** JSON with object keys sorted: map key order depends on the order a replica integrated. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical)
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(entries.map(([key, inner]) => [key, canonical(inner)]))
}

const protectedJson = (doc: Y.Doc): string =>
  JSON.stringify(EDITOR_PROTECTED_ROOTS.map((name) => doc.getMap(name).toJSON()))

/** Every non-empty root (a replica may have opened an empty root the others never saw). */
const contentJson = (doc: Y.Doc): string =>
  JSON.stringify(
    canonical(
      [...doc.share.keys()]
        .sort()
        .map((name): [string, unknown] => [
          name,
          name.startsWith('body:') ? doc.getXmlFragment(name).toJSON() : doc.getMap(name).toJSON(),
        ])
        .filter(([, json]) => json !== '' && JSON.stringify(json) !== '{}'),
    ),
  )

const pumpAll = async (registry: RoomRegistry, peers: FuzzPeer[]): Promise<void> => {
  for (let round = 0; round < 50; round++) {
    let moved = false
    for (const peer of peers) {
      while (peer.outbox.length > 0) {
        peer.deliverOut(0)
        moved = true
      }
      while (peer.inbox.length > 0) {
        peer.deliverIn()
        moved = true
      }
    }
    await registry.flush()
    await new Promise((resolve) => setImmediate(resolve))
    if (!moved && peers.every((p) => p.inbox.length === 0 && p.outbox.length === 0)) return
  }
  throw new Error('the room did not settle in 50 rounds')
}

const storedDoc = async (store: ReturnType<typeof createTempStore>): Promise<Y.Doc> => {
  const stored = await store.load(DOC)
  const doc = new Y.Doc()
  for (const update of stored!.updates) Y.applyUpdate(doc, update)
  return doc
}

const expectAcknowledgedStored = (doc: Y.Doc, peers: FuzzPeer[], context: string): void => {
  const snapshot = Y.snapshot(doc)
  for (const peer of peers) {
    if (peer.principal.role === 'viewer') continue
    peer.acknowledged.forEach((update, index) => {
      expect(
        Y.snapshotContainsUpdate(snapshot, update),
        `${context}: acknowledged update ${index} of ${peer.principal.displayName} is stored`,
      ).toBe(true)
    })
  }
}

async function run(seed: number, steps: number): Promise<void> {
  const random = seeded(seed)
  seedIds(seeded(seed ^ 0x5eed))
  const store = createTempStore()
  await createTemplateDoc(store, DOC)
  const registry = new RoomRegistry(
    store,
    {
      ...DEFAULT_LIMITS,
      roomIdleMs: 60_000,
      broadcastIntervalMs: 0,
      maxMessagesPerSecond: 1_000_000,
      messageBurst: 1_000_000,
      maxRevertsBeforeClose: 6,
    },
    silentLogger,
  )
  const peers = ROLES.map(
    (role, i) =>
      new FuzzPeer(
        { workspaceId: DOC, participantId: `p${i}`, role, displayName: `${role} ${i}` },
        100 + i,
      ),
  )
  try {
    for (const peer of peers) peer.connect(registry)
    await pumpAll(registry, peers)
    for (const peer of peers) peer.requestSync()
    await pumpAll(registry, peers)

    for (let step = 0; step < steps; step++) {
      const index = random.int(peers.length)
      const peer = peers[index]!
      const role = peer.principal.role
      const word = `w${step} `
      const action = random.int(20)
      if (!peer.isOpen) {
        if (random.chance(0.3)) peer.connect(registry)
      } else if (action < 5) peer.edit((doc) => editText(doc, random, word))
      else if (action < 8) peer.edit((doc) => editStructure(doc, random, word))
      else if (action < 9 && index === CHAOTIC && random.chance(0.3)) {
        peer.edit((doc) => editOutsideSchema(doc, random))
      } else if (action < 9) peer.edit((doc) => editProtected(doc, random, role, word))
      else if (action < 10) peer.requestSync()
      else if (action < 15) {
        let count = random.int(peer.outbox.length + 1)
        while (count-- > 0) {
          const chaotic = index === CHAOTIC
          peer.deliverOut(chaotic ? random.int(peer.outbox.length) : 0, random.chance(0.1))
        }
      } else if (action < 19) {
        let count = random.int(peer.inbox.length + 1)
        while (count-- > 0) peer.deliverIn()
      } else if (random.chance(0.3)) peer.disconnect()

      if (random.chance(0.3)) await registry.flush()
      if (random.chance(0.05)) {
        expectAcknowledgedStored(await storedDoc(store), peers, `seed ${seed}, step ${step}`)
      }
    }

    // Settle: everyone back online, every frame delivered in order, then a full sync. An
    // editor closed for too many reverts (4403) comes back until everyone stays.
    for (let attempt = 0; attempt < 5; attempt++) {
      for (const peer of peers) if (!peer.isOpen) peer.connect(registry)
      await pumpAll(registry, peers)
      for (const peer of peers) peer.requestSync()
      await pumpAll(registry, peers)
      if (peers.every((p) => p.isOpen)) break
    }
    expect(
      peers.filter((p) => !p.isOpen).map((p) => p.closedWith),
      `seed ${seed}: everyone online`,
    ).toEqual([])

    const room = registry.roomOf(DOC)!.doc
    const stored = await storedDoc(store)
    const context = `seed ${seed}`
    expect(Y.equalSnapshots(Y.snapshot(stored), Y.snapshot(room)), `${context}: store = room`).toBe(
      true,
    )
    expect(contentJson(stored), `${context}: stored content`).toBe(contentJson(room))
    const roomClients = Y.decodeStateVector(Y.encodeStateVector(room))
    for (const peer of peers) {
      const who = `${context}: ${peer.principal.displayName}`
      if (peer.principal.role === 'viewer') {
        // PERM-3: nothing a viewer wrote reached the room; the viewer has everything else.
        expect(roomClients.has(peer.doc.clientID), `${who} wrote nothing`).toBe(false)
        const everything = Y.encodeStateAsUpdate(room)
        expect(Y.snapshotContainsUpdate(Y.snapshot(peer.doc), everything), who).toBe(true)
        continue
      }
      expect(Y.equalSnapshots(Y.snapshot(peer.doc), Y.snapshot(room)), `${who} converged`).toBe(
        true,
      )
      expect(contentJson(peer.doc), `${who} content`).toBe(contentJson(room))
    }
    // PERM-4: no editor change survives in a protected root; DM-16: the schema holds.
    expect(protectedJson(room), `${context}: protected roots`).not.toContain(EDITOR_MARK)
    expect(documentViolations(room), `${context}: schema`).toEqual([])
    expectAcknowledgedStored(stored, peers, context)
  } finally {
    vi.restoreAllMocks()
    await registry.close()
    await store.cleanup()
  }
}

/** Runs one seed; a failure names the seed so it can be pinned below. */
const runSeed = async (seed: number, steps = 400): Promise<void> => {
  try {
    await run(seed, steps)
  } catch (error) {
    throw new Error(`room fuzz failed at seed ${seed} (pin it): ${String(error)}`, {
      cause: error,
    })
  }
}

afterEach(() => {
  vi.restoreAllMocks()
})

const PINNED = [1, 2, 3, 4, 5, 6, 7, 8, 126358590]
const randomCount = Number(process.env.KOERS_FUZZ_RANDOM ?? 3)
const RANDOM = Array.from({ length: randomCount }, () => Math.floor(Math.random() * 2 ** 31))

describe('room fuzz (SYNC-17, PERM-3, PERM-4, PERM-9, PERM-10, PERM-11, DM-16, DUR-1)', () => {
  it.each(PINNED)('pinned seed %i: replicas, room and store agree', async (seed) => {
    await runSeed(seed)
  })

  it.each(RANDOM)('random seed %i: replicas, room and store agree', async (seed) => {
    console.log(`room fuzz: random seed ${seed}`)
    await runSeed(seed)
  })
})
