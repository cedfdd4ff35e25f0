import type { Page } from 'playwright-core'

/** Event Timing reports only events at or over this duration (16 is the lowest allowed). */
export const THRESHOLD_MS = 16

/** Installed before any page script: every `keydown` entry's duration, and a count of keydowns. */
export const OBSERVER_SCRIPT = `
  window.__typing = { durations: [], keys: 0 }
  addEventListener('keydown', () => { window.__typing.keys++ }, true)
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'keydown') window.__typing.durations.push(entry.duration)
    }
  }).observe({ type: 'event', durationThreshold: ${THRESHOLD_MS}, buffered: true })
`

const TEXT = 'wij kiezen voor digitale middelen die het leren dienen en de leraar helpen '

/**
 * Types `keys` characters into the focused editor, one every `gapMs`, and returns the
 * keystroke-to-next-paint of each: the `keydown` entry's duration, or THRESHOLD_MS for a key
 * fast enough that Event Timing did not report it (so medians and p95s are upper bounds there).
 */
export async function typeAndMeasure(page: Page, keys: number, gapMs: number): Promise<number[]> {
  await page.evaluate(() => {
    const typing = (window as unknown as { __typing: { durations: number[]; keys: number } })
      .__typing
    typing.durations = []
    typing.keys = 0
  })
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(TEXT[i % TEXT.length] === ' ' ? 'Space' : TEXT[i % TEXT.length]!)
    await page.waitForTimeout(gapMs)
  }
  await page.waitForTimeout(1_000)
  const { durations, keys: seen } = await page.evaluate(
    () => (window as unknown as { __typing: { durations: number[]; keys: number } }).__typing,
  )
  if (seen !== keys) throw new Error(`typed ${keys} keys, the page saw ${seen}`)
  const fast = Array.from({ length: Math.max(0, keys - durations.length) }, () => THRESHOLD_MS)
  return [...durations, ...fast].sort((a, b) => a - b)
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[index]!
}

export function median(values: number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  )
}

export interface Summary {
  median: number
  p95: number
  underThreshold: number
  keys: number
}

export function summarize(sorted: number[]): Summary {
  return {
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    underThreshold: sorted.filter((d) => d <= THRESHOLD_MS).length,
    keys: sorted.length,
  }
}

/** "≤16" when the value is the threshold stand-in, else the number of milliseconds. */
export function ms(value: number): string {
  return value <= THRESHOLD_MS ? `≤${THRESHOLD_MS}` : String(Math.round(value))
}
