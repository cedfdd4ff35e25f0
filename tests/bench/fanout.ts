/**
 * App-client fan-out (`pnpm bench:app`, an extra to `pnpm bench`): the real server process, N clients in one workspace, 20 %
 * typing 5 keys/s with a caret (awareness) update per key. See docs/benchmark.md.
 *
 * Typists publish awareness as the web app does (own state only); one more run at the largest N
 * uses stock y-websocket providers, which send back every change they receive, for comparison.
 *
 * Env: KOERS_BENCH_SIZES (default 50,150,300), KOERS_BENCH_SECONDS (20), KOERS_BENCH_WORKERS (2),
 * KOERS_BENCH_SKIP (comma list of: stock). The join storm and memory rows are in bench.ts.
 */
import { availableParallelism } from 'node:os'
import { removeDataDir, spawnServer } from '../support/spawnServer.ts'
import type { TypistAwareness } from './fanoutMessages.ts'
import { runFanoutPhase, type PhaseResult } from './fanoutPhase.ts'

const sizes = (process.env.KOERS_BENCH_SIZES ?? '50,150,300').split(',').map(Number)
const seconds = Number(process.env.KOERS_BENCH_SECONDS ?? 20)
const workers = Number(process.env.KOERS_BENCH_WORKERS ?? 2)
const skip = new Set((process.env.KOERS_BENCH_SKIP ?? '').split(','))
const targetP99Ms = 25
/** A generator thread busier than this cannot keep up; its own queueing would be measured. */
const saturatedBusy = 0.9
const serverEnv = {
  KOERS_TICKET_TTL_MS: '300000',
  LOG_LEVEL: 'warn',
  // Every bench client comes from 127.0.0.1; the per-address throttles (SEC-2) are not measured.
  KOERS_CREATES_PER_HOUR: '100000',
  KOERS_JOINS_PER_MINUTE: '100000',
}
/** KOERS_BENCH_PROFILE_DIR=dir writes a V8 CPU profile of the server's fan-out run there. */
const profileDir = process.env.KOERS_BENCH_PROFILE_DIR
const serverNodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []

const fmt = (value: number, digits = 1): string =>
  Number.isFinite(value) ? value.toFixed(digits) : '–'

function table(rows: [string, ...string[]][]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)))
  return rows
    .map((r) =>
      r
        .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!)))
        .join('  '),
    )
    .join('\n')
}

function fanoutTable(results: PhaseResult[]): string {
  const row = (label: string, cell: (r: PhaseResult) => string): [string, ...string[]] => [
    label,
    ...results.map(cell),
  ]
  const base = results[0]!
  return table([
    row('clients (N)', (r) => String(r.clients)),
    row('typists (5 keys/s + caret)', (r) => String(r.typists)),
    row('typists send awareness of', (r) =>
      r.typistAwareness === 'own' ? 'self (app)' : 'all (stock)',
    ),
    row('connect all, s', (r) => fmt(r.connectMs / 1000)),
    row('keystrokes in window', (r) => String(r.keystrokes)),
    row('receipts / expected', (r) => `${r.receipts}/${r.expected}`),
    row('delivered ratio', (r) => fmt(r.receipts / Math.max(1, r.expected), 4)),
    row('fan-out p50, ms', (r) => fmt(r.p50, 2)),
    row('fan-out p99, ms', (r) => fmt(r.p99, 2)),
    row('fan-out p99.9, ms', (r) => fmt(r.p999, 2)),
    row('p99 / p99 at first N', (r) => fmt(r.p99 / base.p99, 2)),
    row('server CPU %, window', (r) => fmt(r.serverCpu)),
    row('server CPU %, median of 1 s', (r) => fmt(r.serverCpuMedian)),
    row('server RSS max, MB', (r) => fmt(r.serverRssMb)),
    row('server CPU per client vs first N', (r) =>
      fmt(r.serverCpu / r.clients / (base.serverCpu / base.clients), 2),
    ),
    row('server /healthz round trip p50, ms', (r) => fmt(r.healthP50, 2)),
    row('server /healthz round trip p99, ms', (r) => fmt(r.healthP99, 2)),
    row('machine load average (1 min)', (r) => fmt(r.loadAverage, 2)),
    row('generator CPU % (all threads)', (r) => fmt(r.generatorCpu)),
    row('generator event-loop p99, ms', (r) => fmt(r.generatorEldP99, 1)),
    row('generator busiest thread, % busy', (r) => fmt(r.generatorBusiestThread * 100)),
    row('generator saturated', (r) => (r.generatorBusiestThread >= saturatedBusy ? 'YES' : 'no')),
    row('sockets closed by server', (r) => JSON.stringify(r.closes)),
    row('replicas converged', (r) => (r.converged ? 'yes' : 'NO')),
  ])
}

async function main(): Promise<void> {
  console.log(
    `Koers fan-out benchmark — ${availableParallelism()} cores, node ${process.version}, load generator in ${workers} worker thread(s), ${seconds} s per size after 3 s warm-up`,
  )
  const results: PhaseResult[] = []

  {
    const server = await spawnServer({ env: serverEnv, nodeArgs: serverNodeArgs })
    try {
      const runs: { clients: number; typistAwareness: TypistAwareness }[] = sizes.map(
        (clients) => ({ clients, typistAwareness: 'own' }),
      )
      if (!skip.has('stock')) runs.push({ clients: Math.max(...sizes), typistAwareness: 'stock' })
      for (const [phase, { clients, typistAwareness }] of runs.entries()) {
        process.stdout.write(
          `\nN = ${clients} (typists: ${typistAwareness} awareness): connecting…`,
        )
        const result = await runFanoutPhase(server, {
          clients,
          typistAwareness,
          typistShare: 0.2,
          keysPerSecond: 5,
          warmupMs: 3000,
          durationMs: seconds * 1000,
          drainMs: 2000,
          workers,
          samplesPerWorker: 3,
          phase,
        })
        process.stdout.write(` p50 ${fmt(result.p50, 2)} ms, p99 ${fmt(result.p99, 2)} ms\n`)
        results.push(result)
      }
    } finally {
      await server.stop()
      await removeDataDir(server.dataDir)
    }
    console.log(`\nFan-out latency, send → receipt at every peer\n${fanoutTable(results)}`)
    const last = results.filter((r) => r.typistAwareness === 'own').at(-1)
    if (last) {
      const met = last.p99 <= targetP99Ms
      console.log(
        `\nTarget p99 ≤ ${targetP99Ms} ms at N = ${last.clients}: ${met ? 'MET' : 'MISSED'} (p99 ${fmt(last.p99, 2)} ms; server CPU ${fmt(last.serverCpu)} %, generator event-loop p99 ${fmt(last.generatorEldP99)} ms)`,
      )
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
