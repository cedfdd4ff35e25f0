import type { Page } from 'playwright-core'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}

/**
 * KOERS_BENCH_PROFILE=1: a CPU profile of the page while `work` runs, printed as the functions
 * with the most self time, to find what runs per keystroke beyond the editor.
 */
export async function profile(page: Page, work: () => Promise<unknown>): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  await work()
  const { profile: result } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[] }
  }
  const self = new Map<string, number>()
  let total = 0
  for (const node of result.nodes) {
    const hits = node.hitCount ?? 0
    total += hits
    const { functionName, url, lineNumber } = node.callFrame
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber}`
    self.set(key, (self.get(key) ?? 0) + hits)
  }
  console.log('\nself time, top 25 (share of samples):')
  for (const [key, hits] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${((100 * hits) / total).toFixed(1).padStart(5)}%  ${key}`)
  }
}
