import type { BenchDocument } from './benchDocument.ts'
import { now } from './keystrokes.ts'
import { median, sampleUsage } from './serverUsage.ts'
import type { StormToMain, StormToWorker } from './stormMessages.ts'
import type { Target } from './targets.ts'
import { WorkerHandle } from './workerHandle.ts'

/** The storm's clients are spread over this many threads, as people bring their own devices. */
const STORM_WORKERS = 2

export interface StormResult {
  clients: number
  docBytes: number
  /** One client opens the stored document right after a restart. */
  coldOpenMs: number
  firstSyncedMs: number
  medianSyncedMs: number
  lastSyncedMs: number
  failed: number
  /** CPU time the server processes used from the restart to the last sync (a load-free figure). */
  serverCpuMs: number
  /** CPU time the benchmark's process, whose worker threads run the storm clients, used meanwhile. */
  generatorCpuMs: number
}

type StormWorker = WorkerHandle<StormToMain, StormToWorker>

/** Each url's client connects at the same moment; ms from then until its sync step 2. */
async function syncAll(
  workers: StormWorker[],
  target: Target,
  urls: string[],
): Promise<(number | null)[]> {
  const start = now()
  workers.forEach((worker, w) =>
    worker.post({
      type: 'join',
      urls: urls.filter((_, i) => i % workers.length === w),
      framing: target.framing,
      room: target.room,
    }),
  )
  const replies = await Promise.all(workers.map((w) => w.next('synced', 150_000)))
  return replies.flatMap((r) => r.at.map((at) => (at === null ? null : at - start)))
}

/**
 * Cold open, then join storm: the document is stored, the server restarted (nothing loaded);
 * one client opens it; restarted again, `clients` stock clients (each with its own session on
 * Koers) connect at the same moment, from `STORM_WORKERS` threads. Each time until sync step 2
 * has arrived.
 */
export async function runJoinStorm(
  target: Target,
  doc: BenchDocument,
  clients: number,
): Promise<StormResult> {
  const workers: StormWorker[] = Array.from(
    { length: STORM_WORKERS },
    () => new WorkerHandle(new URL('./stormWorker.ts', import.meta.url), {}),
  )
  try {
    await Promise.all(workers.map((w) => w.next('ready', 60_000)))
    await target.seed(doc.state, clients + 1)
    await target.restart()
    const [cold] = await syncAll(workers, target, await target.urls(1))
    await target.restart()
    const urls = await target.urls(clients)
    const cpuBefore = await Promise.all(target.pids().map(sampleUsage))
    const generatorBefore = process.cpuUsage()
    const times = await syncAll(workers, target, urls)
    const generator = process.cpuUsage(generatorBefore)
    const cpuAfter = await Promise.all(target.pids().map(sampleUsage))
    const synced = times.filter((t): t is number => t !== null)
    return {
      clients,
      docBytes: doc.state.byteLength,
      coldOpenMs: cold ?? Number.NaN,
      firstSyncedMs: Math.min(...synced),
      medianSyncedMs: median(synced),
      lastSyncedMs: Math.max(...synced),
      failed: times.length - synced.length,
      serverCpuMs: cpuAfter.reduce((n, s, i) => n + s.ctime - cpuBefore[i]!.ctime, 0),
      generatorCpuMs: (generator.user + generator.system) / 1000,
    }
  } finally {
    await Promise.all(workers.map((w) => w.stop({ type: 'close' })))
  }
}
