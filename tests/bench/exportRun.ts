/**
 * One format of the export benchmark, in its own process so its memory is its own: loads the
 * document state from a file, exports once to warm up, then `runs` times, and prints one JSON
 * line. Run by tests/bench/export.ts.
 */
import { readFileSync } from 'node:fs'
import { exportWorkspace, type ExportFormat } from '@koers/export'
import * as Y from 'yjs'

export interface FormatResult {
  format: ExportFormat
  firstMs: number
  runsMs: number[]
  /** CPU time of this process per run (user + system); below the wall time when others share the CPU. */
  cpuMs: number[]
  bytes: number
  rssBeforeMb: number
  peakRssMb: number
  peakHeapMb: number
}

const [stateFile, format, runsArg] = process.argv.slice(2) as [string, ExportFormat, string]
const doc = new Y.Doc()
Y.applyUpdate(doc, new Uint8Array(readFileSync(stateFile)))
const options = {
  lang: 'nl' as const,
  questions: true,
  appendix: true,
  participants: 48,
  now: new Date('2026-12-05T10:00:00Z'),
}

const mb = (bytes: number) => bytes / 1024 / 1024
let peakHeap = 0
const sample = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
}
const sampler = setInterval(sample, 2)
const rssBefore = process.memoryUsage().rss

const time = async (): Promise<{ ms: number; cpu: number; bytes: number }> => {
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  const result = await exportWorkspace(doc, format, options)
  const ms = performance.now() - start
  const cpu = process.cpuUsage(cpuStart)
  sample()
  return { ms, cpu: (cpu.user + cpu.system) / 1000, bytes: result.bytes.length }
}

const first = await time()
const runsMs: number[] = []
const cpuMs: number[] = []
for (let i = 0; i < Number(runsArg); i++) {
  const run = await time()
  runsMs.push(run.ms)
  cpuMs.push(run.cpu)
}
clearInterval(sampler)

const result: FormatResult = {
  format,
  firstMs: first.ms,
  runsMs,
  cpuMs,
  bytes: first.bytes,
  rssBeforeMb: mb(rssBefore),
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  peakHeapMb: mb(peakHeap),
}
console.log(JSON.stringify(result))
