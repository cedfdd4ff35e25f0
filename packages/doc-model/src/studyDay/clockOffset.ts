/**
 * How far the server's clock is ahead of this device's (STUDY-4), NTP-style: a request sent at
 * `sentAt` and answered at `receivedAt` (both on the device's clock) carries the server's `now`,
 * read roughly halfway. The sample with the shortest round trip bounds the error best: the true
 * offset lies within half its round trip of the estimate.
 */
export interface ClockSample {
  sentAt: number
  serverNow: number
  receivedAt: number
}

export interface ClockOffset {
  /** Add to the device's `Date.now()` to get the server's time. */
  offsetMs: number
  roundTripMs: number
}

export function sampleOffset(sample: ClockSample): ClockOffset | null {
  const roundTripMs = sample.receivedAt - sample.sentAt
  const valid = [sample.sentAt, sample.serverNow, sample.receivedAt].every(Number.isFinite)
  if (!valid || roundTripMs < 0) return null
  return { offsetMs: sample.serverNow - (sample.sentAt + sample.receivedAt) / 2, roundTripMs }
}

/** The estimate of the sample with the shortest round trip, or null without a usable one. */
export function estimateClockOffset(samples: readonly ClockSample[]): ClockOffset | null {
  let best: ClockOffset | null = null
  for (const sample of samples) {
    const offset = sampleOffset(sample)
    if (offset && (best === null || offset.roundTripMs < best.roundTripMs)) best = offset
  }
  return best
}
