import { addPrinciple, documentViolations, principleStatement } from '@koers/doc-model'
import { seeded } from '@koers/doc-model/testing'
import { CloseCode } from '@koers/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Role } from '../auth/role.ts'
import { silentLogger } from '../log.ts'
import { FakePeer } from '../testing/fakeSocket.ts'
import { corpus, mutate } from '../testing/frameMutations.ts'
import { DOC, roomHarness, type RoomHarness } from '../testing/roomHarness.ts'

// LIM-5: mutated frames (bit flips, truncation, splices, random bytes, lengths changed) from a
// connection of any role never take the server down, never end in an internal error, and never
// change what a well-behaved observer sees except through edits the schema allows.

const FRAMES = Number(process.env.KOERS_FRAME_FUZZ ?? 3_000)
const ROLES: Role[] = ['editor', 'facilitator', 'viewer']

let harness: RoomHarness
afterEach(() => harness.close())

describe('frame fuzz (LIM-5)', () => {
  it(
    `LIM-5: ${FRAMES} mutated frames never crash the room or change what an observer sees except through valid edits`,
    { timeout: 30_000 + FRAMES * 20 },
    async () => {
      const random = seeded(Number(process.env.KOERS_FRAME_FUZZ_SEED ?? 8))
      const errors: string[] = []
      const log = {
        ...silentLogger,
        error: (message: string, fields?: Record<string, unknown>) =>
          void errors.push(`${message}: ${String(fields?.error)}`),
      }
      harness = await roomHarness(
        {
          maxMessagesPerSecond: 1e9,
          messageBurst: 1e9,
          maxSyncBytesPerSecond: 1e12,
          syncByteBurst: 1e12,
          maxAwarenessBytesPerSecond: 1e12,
          awarenessByteBurst: 1e12,
          maxRevertsBeforeClose: 1e9,
        },
        { log },
      )
      const observer = await harness.join('viewer')
      const writer = await harness.join('editor')
      const scratch = new Y.Doc()
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(observer.doc))
      const frames = corpus(scratch)
      const closes = new Map<number, number>()
      let attacker: FakePeer | null = null
      let markers = 0
      for (let i = 0; i < FRAMES; i++) {
        if (!attacker || attacker.closedWith !== null) {
          if (attacker)
            closes.set(attacker.closedWith!, (closes.get(attacker.closedWith!) ?? 0) + 1)
          // Joined without waiting on expect.poll: vitest keeps every poll of a long test alive.
          attacker = new FakePeer()
          attacker.connection = harness.registry.join(
            harness.principal(random.pick(ROLES)!),
            attacker,
          )
        }
        attacker.connection!.receive(mutate(random, frames))
        if (i % 500 === 499) {
          // The room still works for everyone else: a well-behaved edit reaches the observer.
          const marker = `markering-${++markers}`
          writer.edit((doc) => principleStatement(doc, addPrinciple(doc, { statement: marker }))!)
          await harness.registry.flush()
          await expect
            .poll(() => JSON.stringify(observer.doc.getMap('principles').toJSON()))
            .toContain(marker)
        }
      }
      await harness.registry.flush()
      const room = harness.registry.roomOf(DOC)!
      observer.requestSync()
      await expect
        .poll(() => Y.equalSnapshots(Y.snapshot(observer.doc), Y.snapshot(room.doc)))
        .toBe(true)
      expect(documentViolations(room.doc)).toEqual([])
      expect(documentViolations(observer.doc)).toEqual([])
      expect(writer.closedWith).toBeNull()
      expect(observer.closedWith).toBeNull()
      console.log(
        `frame fuzz: ${FRAMES} frames, sockets closed by code`,
        Object.fromEntries(closes),
      )
      // No frame reached a path that threw: an internal error would mean an unhandled case.
      expect([...new Set(errors)]).toEqual([])
      expect(closes.get(CloseCode.InternalError) ?? 0).toBe(0)
    },
  )
})
