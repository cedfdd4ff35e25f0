import { loadavg } from 'node:os'
import { setTimeout as delay } from 'node:timers/promises'
import type { BenchDocument } from './benchDocument.ts'
import { count, fromSparse, merge, newHistogram, quantile, subtract } from './histogram.ts'
import { now, SendTimes } from './keystrokes.ts'
import { UsageRecorder } from './serverUsage.ts'
import type { StockInit, StockReport, StockToMain, StockToWorker } from './stockMessages.ts'
import type { Target } from './targets.ts'
import { WorkerHandle } from './workerHandle.ts'

export interface FanoutOptions {
  clients: number
  typists: number
  keysPerSecond: number
  warmupMs: number
  durationMs: number
  workers: number
  phase: number
}

export interface FanoutResult {
  clients: number
  typists: number
  keystrokes: number
  expected: number
  receipts: number
  p50: number
  p99: number
  p999: number
  /** p99 of the receipts of keystrokes typed on the receiver's own server / another one. */
  p99SameServer: number
  p99OtherServer: number
  connectMs: number
  serverCpu: number
  serverRssMb: number
  /** Socket writes the server made per WebSocket frame its clients received (window). */
  writesPerFrame: number
  generatorBusiestThread: number
  generatorEldP99: number
  generatorCpu: number
  loadAverage: number
  closes: Record<string, number>
  converged: boolean
  textKept: boolean
}

/**
 * One room holding `doc`, `clients` stock clients spread over worker threads; `typists` of
 * them keep a Y.Doc and type `keysPerSecond` at the end of their own paragraph, with a caret
 * (awareness) update per key. Latency = receipt − send of every keystroke at every peer.
 */
export async function runStockFanout(
  target: Target,
  doc: BenchDocument,
  options: FanoutOptions,
): Promise<FanoutResult> {
  await target.seed(doc.state, options.clients)
  const urls = await target.urls(options.clients)
  const clientBase = 2_000_000 + options.phase * 10_000
  const sendTimes = SendTimes.create(clientBase, options.typists)
  const perWorker: StockInit['clients'][] = Array.from({ length: options.workers }, () => [])
  urls.forEach((url, i) =>
    perWorker[i % options.workers]!.push(i < options.typists ? { url, typist: i } : { url }),
  )
  const connectStart = now()
  const workers = perWorker.map((clients) => {
    const init: StockInit = {
      framing: target.framing,
      room: target.room,
      clients,
      sendTimes: sendTimes.buffer,
      clientBase,
      typists: options.typists,
      typistServers: urls.slice(0, options.typists).map((url) => new URL(url).host),
      keysPerSecond: options.keysPerSecond,
    }
    return new WorkerHandle<StockToMain, StockToWorker>(
      new URL('./stockWorker.ts', import.meta.url),
      init,
    )
  })
  try {
    await Promise.all(workers.map((w) => w.next('ready', 240_000)))
    const connectMs = now() - connectStart
    const window = {
      start: now() + options.warmupMs,
      stop: now() + options.warmupMs + options.durationMs,
    }
    for (const w of workers) w.post({ type: 'type', window })
    await delay(window.start - now())
    const usage = target.pids().map((pid) => new UsageRecorder(pid))
    await Promise.all(usage.map((u) => u.start()))
    const probeStart = await target.probe()
    const cpuStart = process.cpuUsage()
    const wallStart = now()
    await delay(Math.max(0, window.stop - now()))
    for (const w of workers) w.post({ type: 'stop-typing' })
    const cpu = process.cpuUsage(cpuStart)
    const wall = now() - wallStart
    const probeStop = await target.probe()
    const serverUsage = await Promise.all(usage.map((u) => u.stop()))
    const loadAverage = loadavg()[0] ?? 0
    await delay(1500)
    for (const w of workers) w.post({ type: 'report' })
    const reports: StockReport[] = await Promise.all(workers.map((w) => w.next('report', 60_000)))

    const histogram = newHistogram()
    const fromOtherServer = newHistogram()
    for (const r of reports) {
      merge(histogram, fromSparse(r.histogram))
      merge(fromOtherServer, fromSparse(r.fromOtherServer))
    }
    const fromSameServer = subtract(histogram, fromOtherServer)
    const keystrokes = reports.reduce((n, r) => n + r.keystrokes, 0)
    const frames = reports.reduce((n, r) => n + r.frames, 0)
    const closes: Record<string, number> = {}
    for (const r of reports) {
      for (const [code, n] of Object.entries(r.closes)) closes[code] = (closes[code] ?? 0) + n
    }
    const vectors = reports.flatMap((r) => r.stateVectors)
    return {
      clients: options.clients,
      typists: options.typists,
      keystrokes,
      // All three servers send an update back to its sender too (it counts there as well).
      expected: keystrokes * options.clients,
      receipts: count(histogram),
      p50: quantile(histogram, 0.5),
      p99: quantile(histogram, 0.99),
      p999: quantile(histogram, 0.999),
      p99SameServer: quantile(fromSameServer, 0.99),
      p99OtherServer: quantile(fromOtherServer, 0.99),
      connectMs,
      serverCpu: serverUsage.reduce((n, u) => n + u.cpuPercent, 0),
      serverRssMb: serverUsage.reduce((n, u) => n + u.rssMax, 0) / 1024 / 1024,
      // No change: the server's event loop was too far behind to report (its probe is a timer).
      writesPerFrame:
        probeStop.writes === probeStart.writes
          ? Number.NaN
          : (probeStop.writes - probeStart.writes) / Math.max(1, frames),
      generatorBusiestThread: Math.max(...reports.map((r) => r.busy)),
      generatorEldP99: Math.max(...reports.map((r) => r.eldP99Ms)),
      generatorCpu: ((cpu.user + cpu.system) / 1000 / wall) * 100,
      loadAverage,
      closes,
      converged: vectors.length > 0 && vectors.every((v) => v === vectors[0]),
      textKept: reports.every((r) => r.textKept),
    }
  } finally {
    await Promise.all(workers.map((w) => w.stop({ type: 'close' })))
  }
}
