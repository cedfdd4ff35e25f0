import { estimateClockOffset, type ClockSample } from '@koers/doc-model'
import type { ServerTime } from '@koers/protocol'
import { useEffect, useState } from 'react'

// STUDY-4: one estimate of the server's clock per page, learned from a few `GET /api/time`
// round trips (the fastest counts) and renewed now and then, so the shared timer shows the same
// time on every screen, also on a device whose clock is minutes off.

const SAMPLES = 5
const RENEW_MS = 5 * 60_000

let offsetMs = 0
let known = false
let started = false
let renewing: Promise<void> | null = null
const listeners = new Set<() => void>()

async function takeSample(): Promise<ClockSample | null> {
  try {
    const sentAt = Date.now()
    const response = await fetch('/api/time', { cache: 'no-store', credentials: 'same-origin' })
    const receivedAt = Date.now()
    if (!response.ok) return null
    const body = (await response.json()) as Partial<ServerTime>
    return typeof body.now === 'number' ? { sentAt, serverNow: body.now, receivedAt } : null
  } catch {
    return null
  }
}

/** Measures the offset again (one round at a time); keeps the old estimate when offline. */
export function renewClockOffset(): Promise<void> {
  renewing ??= (async () => {
    const samples: ClockSample[] = []
    for (let i = 0; i < SAMPLES; i++) {
      const sample = await takeSample()
      if (sample) samples.push(sample)
    }
    const estimate = estimateClockOffset(samples)
    if (estimate) {
      offsetMs = estimate.offsetMs
      known = true
      for (const listener of listeners) listener()
    }
  })().finally(() => {
    renewing = null
  })
  return renewing
}

function start(): void {
  if (started) return
  started = true
  void renewClockOffset()
  setInterval(() => void renewClockOffset(), RENEW_MS)
  window.addEventListener('online', () => void renewClockOffset())
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void renewClockOffset()
  })
}

/** This device's estimate of the server's time, in ms since the epoch. */
export function serverNow(): number {
  start()
  return Date.now() + offsetMs
}

export function isClockKnown(): boolean {
  return known
}

/** Server time, re-rendered every `everyMs` (and when the estimate changes). */
export function useServerNow(everyMs = 250): number {
  const [now, setNow] = useState(serverNow)
  useEffect(() => {
    const tick = () => setNow(serverNow())
    listeners.add(tick)
    const timer = setInterval(tick, everyMs)
    return () => {
      listeners.delete(tick)
      clearInterval(timer)
    }
  }, [everyMs])
  return now
}
