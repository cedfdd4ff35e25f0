import { setTimeout as delay } from 'node:timers/promises'
import type { BenchDocument } from './benchDocument.ts'
import { now } from './keystrokes.ts'
import { median, sampleUsage } from './serverUsage.ts'
import { StockClient } from './stockClient.ts'
import type { Target } from './targets.ts'

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
  /** CPU time the benchmark's own thread, which runs every storm client, used meanwhile. */
  generatorCpuMs: number
}

async function syncAll(target: Target, urls: string[]): Promise<(number | null)[]> {
  const start = now()
  const clients = urls.map(
    (url) => new StockClient({ url, framing: target.framing, room: target.room, now }),
  )
  const results = await Promise.allSettled(
    clients.map((c) =>
      Promise.race([c.synced, delay(120_000).then(() => Promise.reject(new Error('timeout')))]),
    ),
  )
  for (const c of clients) c.close()
  return results.map((r) => (r.status === 'fulfilled' ? r.value.at - start : null))
}

/**
 * Cold open, then join storm: the document is stored, the server restarted (nothing loaded);
 * one client opens it; restarted again, `clients` stock clients (each with its own session on
 * Koers) connect at the same moment. Each time until sync step 2 has arrived.
 */
export async function runJoinStorm(
  target: Target,
  doc: BenchDocument,
  clients: number,
): Promise<StormResult> {
  await target.seed(doc.state, clients + 1)
  await target.restart()
  const [cold] = await syncAll(target, await target.urls(1))
  await target.restart()
  const urls = await target.urls(clients)
  const cpuBefore = await Promise.all(target.pids().map(sampleUsage))
  const generatorBefore = process.cpuUsage()
  const times = await syncAll(target, urls)
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
}
