import * as Y from 'yjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Network } from './testing/network.ts'
import { seeded, type Random } from './testing/random.ts'
import { isValidRank } from './ordering/rank.ts'
import { addPrinciple, listPrinciples, movePrinciple, removePrinciple } from './principles.ts'
import {
  addSection,
  listRemovedSections,
  listSections,
  moveSection,
  removeSection,
  restoreSection,
} from './sections.ts'
import { createWorkspaceDoc } from './template/createWorkspaceDoc.ts'

// DM-14: replicas doing random inserts, moves and deletes, with updates delivered late, partly
// and out of order, converge after a full sync to one order with no duplicates and no lost items.

interface Scenario {
  replicas: number
  steps: number
}

/** Make `newId()` deterministic for one run (ids decide tie-breaks, so a seed must fix them). */
function seedIds(random: Random): void {
  vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(
    <T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint8Array)
        for (let i = 0; i < array.length; i++) array[i] = random.int(256)
      return array
    },
  )
}

function expectAt(ids: string[], id: string, toIndex: number, what: string): void {
  const expected = Math.min(Math.max(toIndex, 0), ids.length - 1)
  expect(ids.indexOf(id), what).toBe(expected)
}

/** Runs one seeded scenario; returns nothing, throws (via expect) on the first broken rule. */
function run(seed: number, { replicas, steps }: Scenario): void {
  const random = seeded(seed)
  seedIds(seeded(seed ^ 0x5eed))
  const origin = new Y.Doc()
  origin.clientID = 1000
  createWorkspaceDoc(origin, { title: 'Fuzz', school: 'School' })
  const net = new Network(replicas, origin)
  const principlesCreated = new Set<string>()
  const principlesDeleted = new Set<string>()
  const sectionsCreated = new Set(listSections(origin).map((s) => s.id))

  for (let step = 0; step < steps; step++) {
    const r = random.int(replicas)
    const doc = net.docs[r]!
    const principles = listPrinciples(doc).map((p) => p.id)
    const sections = listSections(doc).map((s) => s.id)
    const op = random.int(12)
    const context = `seed ${seed}, step ${step}, replica ${r}, op ${op}`
    if (op <= 1) {
      const after = random.chance(0.2)
        ? null
        : random.chance(0.2)
          ? undefined
          : random.pick(principles)
      const id = addPrinciple(doc, { statement: `p${step}`, after })
      principlesCreated.add(id)
      const ids = listPrinciples(doc).map((p) => p.id)
      const expected =
        after === null ? 0 : after === undefined ? ids.length - 1 : ids.indexOf(after) + 1
      expect(ids.indexOf(id), context).toBe(expected)
    } else if (op === 2 && principles.length > 0) {
      const id = random.pick(principles)!
      const toIndex = random.int(principles.length)
      movePrinciple(doc, id, toIndex)
      expectAt(
        listPrinciples(doc).map((p) => p.id),
        id,
        toIndex,
        context,
      )
    } else if (op === 3 && principles.length > 0 && random.chance(0.6)) {
      const id = random.pick(principles)!
      removePrinciple(doc, id)
      principlesDeleted.add(id)
    } else if (op === 4) {
      const after = random.chance(0.3) ? null : random.pick(sections)
      const id = addSection(doc, { title: `s${step}`, after })
      sectionsCreated.add(id)
      const ids = listSections(doc).map((s) => s.id)
      expect(ids.indexOf(id), context).toBe(after === null ? 0 : ids.indexOf(after!) + 1)
    } else if (op === 5 && sections.length > 0) {
      const id = random.pick(sections)!
      const toIndex = random.int(sections.length)
      moveSection(doc, id, toIndex)
      expectAt(
        listSections(doc).map((s) => s.id),
        id,
        toIndex,
        context,
      )
    } else if (op === 6) {
      const removed = listRemovedSections(doc)
      if (removed.length > 0 && random.chance(0.5)) restoreSection(doc, random.pick(removed)!.id)
      else if (sections.length > 1) removeSection(doc, random.pick(sections)!)
    } else {
      // Deliver some of one replica's queued updates, in random order.
      const to = random.int(replicas)
      let count = random.int(net.pending(to) + 1)
      while (count-- > 0) net.deliver(to, random.int(net.pending(to)))
    }
  }

  net.syncAll()
  const [first, ...others] = net.docs as [Y.Doc, ...Y.Doc[]]
  for (const doc of net.docs)
    expect(doc.store.pendingStructs, `seed ${seed}: all delivered`).toBeNull()
  const principles = listPrinciples(first)
  const sections = listSections(first)
  const removed = listRemovedSections(first)
  for (const doc of others) {
    expect(listPrinciples(doc), `seed ${seed}: principles converge`).toEqual(principles)
    expect(listSections(doc), `seed ${seed}: sections converge`).toEqual(sections)
    expect(listRemovedSections(doc), `seed ${seed}: removed converge`).toEqual(removed)
  }
  const principleIds = principles.map((p) => p.id)
  const expectedPrinciples = [...principlesCreated].filter((id) => !principlesDeleted.has(id))
  expect(new Set(principleIds).size, `seed ${seed}: no duplicate principles`).toBe(
    principleIds.length,
  )
  expect([...principleIds].sort(), `seed ${seed}: no lost principles`).toEqual(
    expectedPrinciples.sort(),
  )
  const sectionIds = [...sections, ...removed].map((s) => s.id)
  expect(new Set(sectionIds).size, `seed ${seed}: no duplicate sections`).toBe(sectionIds.length)
  expect(sectionIds.sort(), `seed ${seed}: no lost sections`).toEqual([...sectionsCreated].sort())
  for (const item of [...principles, ...sections]) expect(isValidRank(item.rank)).toBe(true)

  // After convergence a move lands exactly where asked, even inside tie groups (DM-6).
  if (principleIds.length > 1) {
    const id = random.pick(principleIds)!
    const toIndex = random.int(principleIds.length)
    movePrinciple(first, id, toIndex)
    net.syncAll()
    for (const doc of net.docs)
      expectAt(
        listPrinciples(doc).map((p) => p.id),
        id,
        toIndex,
        `seed ${seed}`,
      )
  }
}

afterEach(() => {
  vi.restoreAllMocks()
})

/** Seeds 1…n in batches of `size`, so each test stays short on a busy machine. */
function batches(first: number, count: number, size: number): [number, number][] {
  const out: [number, number][] = []
  for (let start = first; start < first + count; start += size)
    out.push([start, Math.min(start + size, first + count) - 1])
  return out
}

/** Runs seeds `from`…`to`; a failure names its seed so it can be pinned. */
function runSeeds(from: number, to: number, scenario: Scenario): void {
  for (let seed = from; seed <= to; seed++) {
    try {
      run(seed, scenario)
    } catch (error) {
      throw new Error(`DM-14 failed at seed ${seed} (pin it below): ${String(error)}`, {
        cause: error,
      })
    } finally {
      vi.restoreAllMocks()
    }
  }
}

describe('DM-14 seeded convergence of ordered collections', () => {
  it.each(batches(1, 200, 25))(
    'DM-14: seeds %i–%i, 3 replicas, random inserts, moves and deletes converge',
    (from, to) => runSeeds(from, to, { replicas: 3, steps: 80 }),
  )

  // Pinned: these seeds failed while an insert or move next to a tie group (equal ranks from
  // concurrent inserts) used a rank "just above the tie" instead of rebalancing first.
  it('DM-6 regression: seed 5 (insert after the first item of a tie group)', () => {
    run(5, { replicas: 3, steps: 80 })
  })

  it('DM-6 regression: seed 1001 (5 replicas, insert into a tie group)', () => {
    run(1001, { replicas: 5, steps: 200 })
  })

  it.each(batches(1001, 30, 5))(
    'DM-14: seeds %i–%i, 5 replicas, longer runs converge',
    (from, to) => runSeeds(from, to, { replicas: 5, steps: 200 }),
  )
})
