import { writeFileSync } from 'node:fs'
import type { Page } from 'playwright-core'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  hitCount?: number
  children?: number[]
}

/**
 * KOERS_BENCH_PROFILE=1: a CPU profile of the page while `work` runs, printed as the functions
 * with the most self time and the most total time, to find what runs per keystroke beyond the
 * editor. KOERS_BENCH_PROFILE_OUT=<file> also writes the profile (open it in Chrome's DevTools).
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
  const out = process.env.KOERS_BENCH_PROFILE_OUT
  if (out) writeFileSync(out, JSON.stringify(result))
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
  console.log('\ntotal time (the function and what it called), top 40:')
  for (const [key, hits] of inclusive(result.nodes).slice(0, 40)) {
    console.log(`${((100 * hits) / total).toFixed(1).padStart(5)}%  ${key}`)
  }
}

/** Samples under each function (by name and position), counted once where it recurses. */
function inclusive(nodes: ProfileNode[]): [string, number][] {
  const byId = new Map(nodes.map((node) => [node.id, node]))
  const keyOf = ({ callFrame: f }: ProfileNode) =>
    `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`
  const totals = new Map<string, number>()
  const walk = (node: ProfileNode, open: Set<string>): number => {
    const key = keyOf(node)
    const reentered = open.has(key)
    if (!reentered) open.add(key)
    let hits = node.hitCount ?? 0
    for (const child of node.children ?? []) hits += walk(byId.get(child)!, open)
    if (!reentered) {
      open.delete(key)
      totals.set(key, (totals.get(key) ?? 0) + hits)
    }
    return hits
  }
  walk(nodes[0]!, new Set())
  return [...totals.entries()].sort((a, b) => b[1] - a[1])
}
