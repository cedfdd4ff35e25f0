import { describe, expect, it } from 'vitest'
import { estimateClockOffset, sampleOffset } from './clockOffset.ts'

describe('STUDY-4 the clock offset to the server, NTP-style', () => {
  it('reads the server time at the midpoint of the round trip', () => {
    // The device is 10 minutes behind; the request takes 40 ms there and 60 ms back.
    const serverAt = (device: number) => device + 600_000
    const sample = { sentAt: 1_000, serverNow: serverAt(1_040), receivedAt: 1_100 }
    expect(sampleOffset(sample)).toEqual({ offsetMs: 599_990, roundTripMs: 100 })
  })

  it('takes the sample with the shortest round trip', () => {
    const offset = -300_000
    const samples = [
      { sentAt: 0, serverNow: 400 + offset, receivedAt: 800 },
      { sentAt: 1_000, serverNow: 1_020 + offset, receivedAt: 1_040 },
      { sentAt: 2_000, serverNow: 2_150 + offset, receivedAt: 2_300 },
    ]
    expect(estimateClockOffset(samples)).toEqual({ offsetMs: offset, roundTripMs: 40 })
  })

  it('ignores samples that cannot be right and gives null without any', () => {
    expect(estimateClockOffset([])).toBeNull()
    expect(estimateClockOffset([{ sentAt: 10, serverNow: 5, receivedAt: 9 }])).toBeNull()
    expect(
      estimateClockOffset([
        { sentAt: 0, serverNow: Number.NaN, receivedAt: 1 },
        { sentAt: 0, serverNow: 50, receivedAt: 100 },
      ]),
    ).toEqual({ offsetMs: 0, roundTripMs: 100 })
  })
})
