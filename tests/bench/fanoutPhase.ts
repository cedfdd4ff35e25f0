import { createHash } from 'node:crypto'
import { loadavg } from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { setTimeout as delay } from 'node:timers/promises'
import { listSections } from '@koers/doc-model'
import * as Y from 'yjs'
import { createWorkspace, joinAs, type Session } from '../support/api.ts'
import { docContent, stateVectorKey } from '../support/docContent.ts'
import { connectProvider, disposeProvider, waitForSync } from '../support/provider.ts'
import type { ServerHandle } from '../support/spawnServer.ts'
import type {
  ClientPlan,
  ToMain,
  ToWorker,
  TypistAwareness,
  WorkerInit,
  WorkerReport,
} from './fanoutMessages.ts'
import { count, fromSparse, merge, newHistogram, quantile } from './histogram.ts'
import { now, SendTimes } from './keystrokes.ts'
import { HealthProbe } from './httpProbe.ts'
import { UsageRecorder } from './serverUsage.ts'
import { WorkerHandle } from './workerHandle.ts'

export interface PhaseOptions {
  clients: number
  typistShare: number
  keysPerSecond: number
  warmupMs: number
  durationMs: number
  drainMs: number
  workers: number
  samplesPerWorker: number
  phase: number
  typistAwareness: TypistAwareness
}

export interface PhaseResult {
  clients: number
  typistAwareness: TypistAwareness
  typists: number
  keystrokes: number
  expected: number
  receipts: number
  p50: number
  p99: number
  p999: number
  serverCpu: number
  serverCpuMedian: number
  serverRssMb: number
  generatorCpu: number
  generatorEldP99: number
  /** Event-loop utilisation of the busiest generator worker thread during the window (0..1). */
  generatorBusiestThread: number
  closes: Record<string, number>
  converged: boolean
  connectMs: number
  healthP50: number
  healthP99: number
  loadAverage: number
}

async function inBatches<T>(
  count: number,
  size: number,
  make: (i: number) => Promise<T>,
): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < count; i += size) {
    out.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)),
      )),
    )
  }
  return out
}

export async function runFanoutPhase(
  server: ServerHandle,
  options: PhaseOptions,
): Promise<PhaseResult> {
  const workspace = await createWorkspace(server.url, {
    title: `Bench ${options.clients}`,
    school: 'Bench',
  })
  const lead = await joinAs(server.url, workspace.keys.facilitator, 'Bench lead')
  const probe = await connectProvider(server.url, workspace.id, lead.cookie)
  await waitForSync(probe)
  const sections = listSections(probe.doc)
    .slice(0, 3)
    .map((s) => s.id)
  disposeProvider(probe)

  const typists = Math.max(1, Math.round(options.clients * options.typistShare))
  const sessions: Session[] = await inBatches(options.clients, 25, (i) =>
    joinAs(server.url, workspace.keys.editor, `Deelnemer ${i}`),
  )
  const plans: ClientPlan[] = sessions.map((s, i) =>
    i < typists
      ? { kind: 'typist', typist: i, cookie: s.cookie }
      : { kind: 'listener', cookie: s.cookie },
  )
  // Turn the first listeners of each worker into samples that keep a real Y.Doc.
  const perWorker: ClientPlan[][] = Array.from({ length: options.workers }, () => [])
  plans.forEach((plan, i) => perWorker[i % options.workers]!.push(plan))
  for (const list of perWorker) {
    let left = options.samplesPerWorker
    for (let i = 0; i < list.length && left > 0; i++) {
      const plan = list[i]!
      if (plan.kind === 'listener') {
        list[i] = { kind: 'sample', cookie: plan.cookie }
        left--
      }
    }
  }

  const clientBase = 1_000_000 + options.phase * 10_000
  const sendTimes = SendTimes.create(clientBase, typists)
  const connectStart = now()
  const workers = perWorker.map((clients) => {
    const init: WorkerInit = {
      url: server.url,
      wsUrl: server.wsUrl,
      workspaceId: workspace.id,
      sections,
      clients,
      sendTimes: sendTimes.buffer,
      clientBase,
      typists,
      keysPerSecond: options.keysPerSecond,
      typistAwareness: options.typistAwareness,
    }
    return new WorkerHandle<ToMain, ToWorker>(new URL('./fanoutWorker.ts', import.meta.url), init)
  })
  try {
    await Promise.all(workers.map((w) => w.next('ready', 180_000)))
    const connectMs = now() - connectStart

    const window = {
      start: now() + options.warmupMs,
      stop: now() + options.warmupMs + options.durationMs,
    }
    for (const w of workers) w.post({ type: 'type', window })
    await delay(window.start - now())
    const usage = new UsageRecorder(server.process.pid!)
    await usage.start()
    const probe = new HealthProbe(server.url)
    probe.start()
    const eld = monitorEventLoopDelay({ resolution: 1 })
    eld.enable()
    const cpuStart = process.cpuUsage()
    const wallStart = now()
    await delay(Math.max(0, window.stop - now()))
    const cpu = process.cpuUsage(cpuStart)
    const wall = now() - wallStart
    const serverUsage = await usage.stop()
    const health = await probe.stop()
    const loadAverage = loadavg()[0] ?? 0
    eld.disable()
    for (const w of workers) w.post({ type: 'stop-typing' })
    await delay(options.drainMs)

    for (const w of workers) w.post({ type: 'report' })
    const reports: WorkerReport[] = await Promise.all(workers.map((w) => w.next('report', 60_000)))

    // Converged: every typist and sample replica equals a client that joins now.
    const fresh = await connectProvider(server.url, workspace.id, lead.cookie, new Y.Doc())
    await waitForSync(fresh, 60_000)
    const expectedDigest = {
      stateVector: stateVectorKey(fresh.doc),
      content: createHash('sha1')
        .update(JSON.stringify(docContent(fresh.doc)))
        .digest('hex'),
    }
    disposeProvider(fresh)
    const digests = reports.flatMap((r) => r.digests)
    const converged =
      digests.length > 0 &&
      digests.every(
        (d) => d.stateVector === expectedDigest.stateVector && d.content === expectedDigest.content,
      )

    const histogram = newHistogram()
    for (const r of reports) merge(histogram, fromSparse(r.histogram))
    const keystrokes = reports.reduce((n, r) => n + r.keystrokes, 0)
    const closes: Record<string, number> = {}
    for (const r of reports) {
      for (const [code, n] of Object.entries(r.closes)) closes[code] = (closes[code] ?? 0) + n
    }
    return {
      clients: options.clients,
      typistAwareness: options.typistAwareness,
      typists,
      keystrokes,
      expected: keystrokes * (options.clients - 1),
      receipts: count(histogram),
      p50: quantile(histogram, 0.5),
      p99: quantile(histogram, 0.99),
      p999: quantile(histogram, 0.999),
      serverCpu: serverUsage.cpuPercent,
      serverCpuMedian: serverUsage.cpuPercentMedian,
      serverRssMb: serverUsage.rssMax / 1024 / 1024,
      generatorCpu: ((cpu.user + cpu.system) / 1000 / wall) * 100,
      // Minus the 1 ms sampling interval that the histogram includes.
      generatorEldP99: Math.max(eld.percentile(99) / 1e6 - 1, ...reports.map((r) => r.eldP99Ms)),
      generatorBusiestThread: Math.max(...reports.map((r) => r.busy)),
      closes,
      converged,
      connectMs,
      healthP50: health.p50,
      healthP99: health.p99,
      loadAverage,
    }
  } finally {
    await Promise.all(workers.map((w) => w.stop({ type: 'close' })))
  }
}
