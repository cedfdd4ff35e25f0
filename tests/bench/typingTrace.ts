import type { Browser, Page } from 'playwright-core'

interface TraceEvent {
  name: string
  ph: string
  dur?: number
  pid: number
  tid: number
  args?: { data?: { frame?: string; type?: string } }
}

const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8']

/**
 * KOERS_BENCH_TRACE=1: a Chrome trace of the page while `work` runs, printed as the total time
 * of each kind of main-thread work (style, layout, paint, script …) per key, to compare pages.
 */
export async function trace(
  browser: Browser,
  page: Page,
  label: string,
  keys: number,
  work: () => Promise<unknown>,
): Promise<void> {
  await browser.startTracing(page, { categories })
  await work()
  const buffer = await browser.stopTracing()
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents
  // The trace holds every page of the browser: the typed page's main thread is the one that
  // dispatched the keydowns.
  const threadOf = (e: TraceEvent) => `${e.pid}:${e.tid}`
  const keydowns = new Map<string, number>()
  for (const e of events) {
    if (e.name !== 'EventDispatch' || e.args?.data?.type !== 'keydown') continue
    keydowns.set(threadOf(e), (keydowns.get(threadOf(e)) ?? 0) + 1)
  }
  const typed = [...keydowns.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
  const byName = new Map<string, number>()
  const byEventType = new Map<string, number>()
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined) continue
    if (typed && threadOf(event) !== typed) continue
    byName.set(event.name, (byName.get(event.name) ?? 0) + event.dur / 1000)
    if (event.name === 'EventDispatch') {
      const type = event.args?.data?.type ?? '?'
      byEventType.set(type, (byEventType.get(type) ?? 0) + event.dur / 1000)
    }
  }
  console.log(`\n${label}: main-thread time per key (ms), top 14`)
  for (const [name, ms] of [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14)) {
    console.log(`${(ms / keys).toFixed(2).padStart(8)}  ${name}`)
  }
  console.log(`${label}: event dispatch per key by event type (ms), top 8`)
  for (const [type, ms] of [...byEventType.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
    console.log(`${(ms / keys).toFixed(2).padStart(8)}  ${type}`)
  }
}
