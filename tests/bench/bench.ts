/**
 * `pnpm bench` (docs/benchmark.md): Koers beside the y-websocket 2.1 reference server and
 * Hocuspocus, under one harness, with the same typed documents and the same stock clients.
 *
 *   pnpm bench [--runs N] [--quick] [--only storm,fanout,cluster,memory]
 *
 * Medians of N runs (default 3; --quick: 1 run, 5 s windows, no 1,000-client row); the
 * two-instance target row has CLUSTER_PAIRS pairs per run.
 */
import { availableParallelism, loadavg } from 'node:os'
import { bigParagraphDocument, typedDocument, type BenchDocument } from './benchDocument.ts'
import { runJoinStorm, type StormResult } from './joinStorm.ts'
import { runRoomMemory, type RoomMemoryResult } from './roomMemory.ts'
import { median } from './serverUsage.ts'
import { runStockFanout, type FanoutResult } from './stockFanout.ts'
import {
  hocuspocusTarget,
  koersClusterTarget,
  koersServicesTarget,
  koersTarget,
  yWebsocketTarget,
  type Target,
} from './targets.ts'
import { scaleOutAvailable } from '../support/cluster.ts'

const args = process.argv.slice(2)
const flag = (name: string): string | undefined => {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}
const quick = args.includes('--quick')
const runs = Number(flag('--runs') ?? (quick ? 1 : 3))
const only = new Set((flag('--only') ?? 'storm,fanout,cluster,memory').split(','))
const windowMs = quick ? 5_000 : 10_000
/** Pairs of one and two instances per run: single p99s of 10 s windows differ by ±20 ms. */
const CLUSTER_PAIRS = 2
/** A generator thread busier than this cannot keep up; its own queueing would be measured. */
const SATURATED = 0.9

const fmt = (value: number, digits = 0): string =>
  Number.isFinite(value) ? value.toFixed(digits) : '–'

type Cells = Record<string, number[]>
/** row label → target name → one value per run */
const figures = new Map<string, Cells>()
const notes: string[] = []
const put = (row: string, target: string, value: number): void => {
  const cells = figures.get(row) ?? {}
  ;(cells[target] ??= []).push(value)
  figures.set(row, cells)
}

const targets: { name: string; start: () => Promise<Target> }[] = [
  { name: 'Koers', start: koersTarget },
  { name: 'y-websocket 2.1', start: yWebsocketTarget },
  { name: 'Hocuspocus 4', start: hocuspocusTarget },
]

interface Goal {
  row: string
  limit: (koers: number, oneInstance: number) => number
  text: string
}
const goals: Goal[] = [
  { row: 'join storm 300, typed 1 MB: last synced, ms', limit: () => 1000, text: '≤ 1000' },
  { row: 'cold open, typed 1 MB: synced, ms', limit: () => 100, text: '≤ 100' },
  { row: 'fan-out 300 (60 typing): p99, ms', limit: () => 25, text: '≤ 25' },
  { row: 'fan-out 1000 (60 typing): p99, ms', limit: () => 100, text: '≤ 100' },
  {
    row: 'two instances (PG + Redis, clients split): p99 minus one instance, ms',
    limit: () => 10,
    text: '≤ 10',
  },
  { row: 'idle loaded room: heap beyond its document, KiB', limit: () => 60, text: '≤ 60' },
  // Heap samples after a full GC differ by about ±1 KiB per room between runs.
  { row: 'evicted room: heap left, KiB', limit: () => 2, text: '≈ 0 (≤ 2)' },
]

/** Runs one section; a failure is printed and noted, and the benchmark goes on. */
async function withTarget(
  start: () => Promise<Target>,
  work: (t: Target) => Promise<void>,
): Promise<void> {
  let target: Target | null = null
  try {
    target = await start()
    await work(target)
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    console.log(`\n  FAILED: ${message}`)
    notes.push(`${target?.name ?? 'a target'}: a section failed: ${message}`)
  } finally {
    await target?.stop().catch(() => undefined)
  }
}

function putStorm(prefix: string, name: string, r: StormResult): void {
  put(`${prefix}: last synced, ms`, name, r.lastSyncedMs)
  put(`${prefix}: median synced, ms`, name, r.medianSyncedMs)
  put(`${prefix}: server CPU during the storm, ms`, name, r.serverCpuMs)
  put(`${prefix}: generator CPU during the storm, ms`, name, r.generatorCpuMs)
  put(`${prefix}: failed`, name, r.failed)
}

function putFanout(prefix: string, name: string, r: FanoutResult): void {
  put(`${prefix}: p50, ms`, name, r.p50)
  put(`${prefix}: p99, ms`, name, r.p99)
  put(`${prefix}: p99.9, ms`, name, r.p999)
  // Only where the clients are split across servers: which hop the tail comes from.
  if (!Number.isNaN(r.p99OtherServer)) {
    put(`${prefix}: p99 of keystrokes typed on the receiver's server, ms`, name, r.p99SameServer)
    put(`${prefix}: p99 of keystrokes typed on the other server, ms`, name, r.p99OtherServer)
  }
  put(`${prefix}: delivered / expected`, name, r.receipts / Math.max(1, r.expected))
  put(`${prefix}: server CPU %`, name, r.serverCpu)
  put(`${prefix}: server RSS max, MB`, name, r.serverRssMb)
  put(`${prefix}: socket writes per frame`, name, r.writesPerFrame)
  put(`${prefix}: generator busiest thread, % busy`, name, r.generatorBusiestThread * 100)
  put(`${prefix}: generator CPU %`, name, r.generatorCpu)
  put(`${prefix}: load average`, name, r.loadAverage)
  if (r.generatorBusiestThread >= SATURATED)
    notes.push(`${prefix}, ${name}: load generator SATURATED (a thread ≥ 90 % busy)`)
  if (!r.converged) notes.push(`${prefix}, ${name}: typists did NOT converge`)
  if (!r.textKept) notes.push(`${prefix}, ${name}: typed text was NOT kept (refused?)`)
  if (Object.keys(r.closes).length > 0)
    notes.push(`${prefix}, ${name}: sockets closed ${JSON.stringify(r.closes)}`)
}

/** `koers_bus_catchups_total` summed over the instances. */
async function catchUps(urls: string[]): Promise<number> {
  let sum = 0
  for (const url of urls) {
    const text = await (await fetch(url)).text()
    sum += Number(/^koers_bus_catchups_total (\S+)$/m.exec(text)?.[1] ?? Number.NaN)
  }
  return sum
}

async function fanout(target: Target, doc: BenchDocument, clients: number, phase: number) {
  process.stdout.write(`  ${target.name}: fan-out ${clients}…`)
  const r = await runStockFanout(target, doc, {
    clients,
    typists: 60,
    keysPerSecond: 5,
    warmupMs: 3000,
    durationMs: windowMs,
    workers: 2,
    phase,
  })
  process.stdout.write(` p99 ${fmt(r.p99, 1)} ms\n`)
  return r
}

async function oneRun(
  run: number,
  stormDoc: BenchDocument,
  oldDoc: BenchDocument,
  fanDoc: BenchDocument,
) {
  console.log(
    `\nRun ${run + 1}/${runs} (load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  )
  let koersFanout300 = Number.NaN
  for (const { name, start } of targets) {
    if (only.has('storm')) {
      await withTarget(start, async (target) => {
        process.stdout.write(`  ${name}: join storm…`)
        const typed = await runJoinStorm(target, stormDoc, 300)
        put('cold open, typed 1 MB: synced, ms', name, typed.coldOpenMs)
        putStorm('join storm 300, typed 1 MB', name, typed)
        const old = await runJoinStorm(target, oldDoc, 300)
        put('cold open, old shape 1 MB: synced, ms', name, old.coldOpenMs)
        putStorm('join storm 300, old shape 1 MB', name, old)
        process.stdout.write(
          ` typed ${fmt(typed.lastSyncedMs)} ms, old ${fmt(old.lastSyncedMs)} ms\n`,
        )
      })
    }
    if (only.has('fanout')) {
      await withTarget(start, async (target) => {
        const r = await fanout(target, fanDoc, 300, run * 8)
        putFanout('fan-out 300 (60 typing)', name, r)
        if (name === 'Koers') koersFanout300 = r.p99
        if (!quick)
          putFanout(
            'fan-out 1000 (60 typing)',
            name,
            await fanout(target, fanDoc, 1000, run * 8 + 1),
          )
      })
    }
  }
  if (only.has('cluster')) {
    if (!scaleOutAvailable) {
      notes.push('two instances: skipped (DATABASE_URL, REDIS_URL and /usr/sbin/nginx needed)')
    } else {
      // Each pair shares its path: straight to the instances, or through nginx both times, so
      // the difference is what a second instance costs, not what the balancer costs.
      const p99 = async (label: string, start: () => Promise<Target>, phase: number) => {
        let result = Number.NaN
        await withTarget(start, async (target) => {
          const r = await fanout(target, fanDoc, 300, phase)
          putFanout(`fan-out 300, ${label}`, 'Koers', r)
          if (target.metricsUrls)
            put(
              `fan-out 300, ${label}: bus catch-ups from the store`,
              'Koers',
              await catchUps(target.metricsUrls()),
            )
          result = r.p99
        })
        return result
      }
      const phase = run * 8 + 2
      // The target pair runs CLUSTER_PAIRS times, its order alternating, so that what drifts
      // during a run (the machine's load, the database's upkeep) falls on both sides alike.
      const one = () => p99('one instance (PG + Redis)', koersServicesTarget, phase)
      const two = () =>
        p99(
          'two instances (PG + Redis), clients split',
          () => koersClusterTarget(2, 'direct'),
          phase + 1,
        )
      for (let pair = 0; pair < CLUSTER_PAIRS; pair++) {
        const oneFirst = (run * CLUSTER_PAIRS + pair) % 2 === 0
        const [first, second] = oneFirst ? [await one(), await two()] : [await two(), await one()]
        put(
          'two instances (PG + Redis, clients split): p99 minus one instance, ms',
          'Koers',
          oneFirst ? second - first : first - second,
        )
      }
      const oneNginx = await p99(
        'one instance (PG + Redis) behind nginx',
        () => koersClusterTarget(1, 'nginx'),
        phase + 2,
      )
      const twoNginx = await p99(
        'two instances (PG + Redis) behind nginx',
        () => koersClusterTarget(2, 'nginx'),
        phase + 3,
      )
      put(
        'two instances behind nginx: p99 minus one instance behind nginx, ms',
        'Koers',
        twoNginx - oneNginx,
      )
      put(
        'two instances behind nginx: p99 minus one instance on SQLite, ms',
        'Koers',
        twoNginx - koersFanout300,
      )
    }
  }
  if (only.has('memory')) {
    const m: RoomMemoryResult | null = await runRoomMemory(100).catch((error: unknown) => {
      notes.push(`memory: failed: ${String(error).split('\n')[0]}`)
      return null
    })
    if (!m) return
    put('idle loaded room: heap, KiB (template document)', 'Koers', m.heapPerRoomKb)
    put('idle loaded room: its document in a bare Y.Doc, KiB', 'Koers', m.docHeapKb)
    put('idle loaded room: heap beyond its document, KiB', 'Koers', m.heapPerRoomKb - m.docHeapKb)
    put('idle loaded room: RSS, KiB', 'Koers', m.rssPerRoomKb)
    put('idle loaded room: its document encoded, KiB', 'Koers', m.docBytes / 1024)
    put('evicted room: heap left, KiB', 'Koers', m.heapPerEvictedRoomKb)
  }
}

function printTable(): string {
  const names = targets.map((t) => t.name)
  const header = ['', ...names, 'Koers / y-ws', 'Koers / Hp', 'target', 'met']
  const rows: string[][] = [header]
  const med = (cells: Cells, name: string): number => median(cells[name] ?? [])
  for (const [row, cells] of figures) {
    const k = med(cells, 'Koers')
    const digits = /ratio|per frame|delivered/.test(row) ? 3 : /p\d|minus/.test(row) ? 1 : 0
    const goal = goals.find((g) => g.row === row)
    const runsText =
      (cells.Koers ?? []).length > 1
        ? ` (${cells.Koers!.map((v) => fmt(v, digits)).join(', ')})`
        : ''
    rows.push([
      row,
      `${fmt(k, digits)}${goal ? runsText : ''}`,
      fmt(med(cells, names[1]!), digits),
      fmt(med(cells, names[2]!), digits),
      fmt(k / med(cells, names[1]!), 2),
      fmt(k / med(cells, names[2]!), 2),
      goal?.text ?? '',
      goal ? (k <= goal.limit(k, 0) ? 'MET' : 'MISSED') : '',
    ])
  }
  const widths = header.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  '),
    )
    .join('\n')
}

async function main(): Promise<void> {
  console.log(
    `Koers benchmark — ${availableParallelism()} cores, node ${process.version}, ${runs} run(s), ${windowMs / 1000} s windows, load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  process.stdout.write('Generating the typed documents (seeded, cached in the temp dir)…')
  const stormDoc = typedDocument(1, 1024 * 1024)
  const oldDoc = bigParagraphDocument(1024 * 1024)
  const fanDoc = typedDocument(2, 200 * 1024)
  console.log(
    `\n  storm: ${stormDoc.label}, ${fmt(stormDoc.state.byteLength / 1024)} KiB, ${stormDoc.structs} structs, ${stormDoc.operations} operations\n  old:   ${oldDoc.label}, ${fmt(oldDoc.state.byteLength / 1024)} KiB, ${oldDoc.structs} structs\n  fan-out: ${fanDoc.label}, ${fmt(fanDoc.state.byteLength / 1024)} KiB, ${fanDoc.structs} structs`,
  )
  for (let run = 0; run < runs; run++) {
    await oneRun(run, stormDoc, oldDoc, fanDoc)
    if (run < runs - 1) console.log(`\nAfter run ${run + 1}:\n${printTable()}`)
  }
  console.log(
    `\nMedians of ${runs} run(s); Koers' single values in brackets where a target applies.\n`,
  )
  console.log(printTable())
  console.log(
    `\nLoad average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  for (const note of notes) console.log(`NOTE ${note}`)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
