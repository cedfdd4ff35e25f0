import { describe, expect, it } from 'vitest'
import { SeqTracker } from './seqTracker.ts'

describe('SeqTracker (SCALE-3)', () => {
  it('SCALE-3: in order, out of order, duplicated, and a hole that a catch-up fills', () => {
    const seqs = new SeqTracker(10)
    seqs.add(11)
    expect([seqs.through, seqs.hasGap]).toEqual([11, false])
    seqs.add(13)
    expect([seqs.through, seqs.hasGap, seqs.has(13), seqs.has(12)]).toEqual([11, true, true, false])
    seqs.add(13)
    seqs.add(12)
    expect([seqs.through, seqs.hasGap]).toEqual([13, false])
    seqs.add(16)
    seqs.caughtUp(15)
    expect([seqs.through, seqs.hasGap]).toEqual([16, false])
    seqs.caughtUp(3)
    expect(seqs.through).toBe(16)
  })
})
