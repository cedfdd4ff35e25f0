import { dropPostgresSchema } from '@koers/server/testing/postgresSchema'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildBackup } from '@koers/export'
import * as Y from 'yjs'
import { joinAs, keyOfLink, ticket, type Session } from '../support/api.ts'
import { DATABASE_URL, REDIS_URL, startCluster, type Cluster } from '../support/cluster.ts'
import { importBackup } from '../support/deliverApi.ts'
import { removeDataDir, spawnServer, type ServerHandle } from '../support/spawnServer.ts'
import type { Framing } from './stockClient.ts'

/** What every benchmarked server process reports through `peers/countWrites.cjs`. */
export interface ProbeSample {
  writes: number
  heapUsed: number
  rss: number
  /** When the process wrote it (ms since epoch). */
  at: number
}

/** One server under the same harness: Koers, the y-websocket 2.1 reference server, Hocuspocus. */
export interface Target {
  readonly name: string
  readonly framing: Framing
  /** The room's name on the wire. */
  readonly room: string
  /** Stores `state` as the room's document and prepares `clients` sessions where needed. */
  seed(state: Uint8Array, clients: number): Promise<void>
  /** A new server process on the same stored data: the room is cold. */
  restart(): Promise<void>
  /** One WebSocket URL per client (Koers: each its own session and a fresh ticket). */
  urls(count: number): Promise<string[]>
  pids(): number[]
  /** The server processes' write and memory counters now (SIGUSR2 first: a full GC). */
  probe(gc?: boolean): Promise<ProbeSample>
  /** Koers instances on a bus: their `/metrics` addresses (bus catch-ups are read from there). */
  metricsUrls?(): string[]
  stop(): Promise<void>
}

/** The machine the benchmark shares may be busy: starting takes longer there. */
const START_TIMEOUT_MS = 120_000

export const probeArgs = [
  '--expose-gc',
  '--require',
  fileURLToPath(new URL('./peers/countWrites.cjs', import.meta.url)),
]

function readProbe(file: string): ProbeSample {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ProbeSample
  } catch {
    return { writes: 0, heapUsed: 0, rss: 0, at: 0 }
  }
}

/**
 * Asks every process for a fresh report (SIGWINCH; SIGUSR2 runs a full GC first) and sums the
 * reports once all have arrived; after 10 s, whatever is there (a process too busy to answer).
 */
export async function probeAll(files: string[], pids: number[], gc: boolean): Promise<ProbeSample> {
  const asked = Date.now()
  for (const pid of pids) process.kill(pid, gc ? 'SIGUSR2' : 'SIGWINCH')
  let samples = files.map(readProbe)
  while (samples.some((s) => s.at < asked) && Date.now() - asked < 10_000) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    samples = files.map(readProbe)
  }
  const sum: ProbeSample = { writes: 0, heapUsed: 0, rss: 0, at: asked }
  for (const s of samples) {
    sum.writes += s.writes
    sum.heapUsed += s.heapUsed
    sum.rss += s.rss
  }
  return sum
}

export const koersServerEnv: Record<string, string> = {
  KOERS_TICKET_TTL_MS: '600000',
  LOG_LEVEL: 'warn',
  // Every bench client comes from 127.0.0.1; the per-address throttles (SEC-2) are not measured.
  KOERS_CREATES_PER_HOUR: '100000',
  KOERS_JOINS_PER_MINUTE: '100000',
}

async function sessionsFor(url: string, key: string, count: number): Promise<Session[]> {
  const out: Session[] = []
  for (let i = 0; i < count; i += 25) {
    out.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(25, count - i) }, (_, j) =>
          joinAs(url, key, `Deelnemer ${i + j}`),
        ),
      )),
    )
  }
  return out
}

async function importState(
  url: string,
  state: Uint8Array,
): Promise<{ id: string; editor: string }> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const imported = await importBackup(url, JSON.stringify(buildBackup(doc)))
  if (imported.status !== 201) throw new Error(`import failed: ${JSON.stringify(imported.body)}`)
  const { id, links } = imported.body as { id: string; links: Record<string, string> }
  return { id, editor: keyOfLink(links.editor!) }
}

async function ticketUrls(
  httpUrl: string,
  wsUrl: string,
  room: string,
  sessions: Session[],
  count: number,
): Promise<string[]> {
  if (count > sessions.length) throw new Error(`only ${sessions.length} sessions prepared`)
  const out: string[] = []
  for (let i = 0; i < count; i += 50) {
    const batch = sessions.slice(i, Math.min(count, i + 50))
    const tickets = await Promise.all(batch.map((s) => ticket(httpUrl, room, s.cookie)))
    out.push(...tickets.map((t) => `${wsUrl}/${room}?ticket=${encodeURIComponent(t)}`))
  }
  return out
}

/** The real Koers server process on SQLite (`spawnServer`), as `pnpm start` runs it. */
export async function koersTarget(
  name = 'Koers',
  env: Record<string, string> = {},
  /** Runs after the server stopped (drop what the target made outside its data dir). */
  afterStop: () => Promise<void> = async () => undefined,
): Promise<Target> {
  const probeFile = join(mkdtempSync(join(tmpdir(), 'koers-bench-probe-')), 'probe.json')
  const launch = (dataDir?: string): Promise<ServerHandle> =>
    spawnServer({
      env: { ...koersServerEnv, ...env, KOERS_BENCH_PROBE_FILE: probeFile },
      nodeArgs: probeArgs,
      startTimeoutMs: START_TIMEOUT_MS,
      ...(dataDir ? { dataDir } : {}),
    })
  let server = await launch()
  let room = ''
  let sessions: Session[] = []
  return {
    name,
    framing: 'y-websocket',
    get room() {
      return room
    },
    async seed(state, clients) {
      const imported = await importState(server.url, state)
      room = imported.id
      sessions = await sessionsFor(server.url, imported.editor, clients)
    },
    async restart() {
      await server.stop()
      server = await launch(server.dataDir)
    },
    urls: (count) => ticketUrls(server.url, server.wsUrl, room, sessions, count),
    pids: () => [server.process.pid!],
    probe: (gc = false) => probeAll([probeFile], [server.process.pid!], gc),
    async stop() {
      await server.stop()
      await removeDataDir(server.dataDir)
      rmSync(probeFile, { force: true })
      await afterStop()
    },
  }
}

/**
 * One Koers instance on PostgreSQL and Redis (its own schema and key prefix), straight, no
 * nginx: what the two instances are compared with, service for service.
 */
export async function koersServicesTarget(): Promise<Target> {
  const schema = `koers_bench_${randomBytes(6).toString('hex')}`
  return koersTarget(
    'Koers (PG + Redis)',
    { DATABASE_URL, KOERS_DATABASE_SCHEMA: schema, REDIS_URL, KOERS_REDIS_PREFIX: schema },
    () => dropPostgresSchema(schema),
  )
}

/**
 * Koers instances on PostgreSQL and Redis (`startCluster`, the documented nginx configuration).
 * `via: 'nginx'`: clients reach them round robin through Debian's nginx; `via: 'direct'`:
 * client i connects straight to instance i mod count, so the balancer's own cost is left out of
 * a comparison between one and two instances.
 */
export async function koersClusterTarget(count: number, via: 'nginx' | 'direct'): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'koers-bench-probe-'))
  const files = Array.from({ length: count }, (_, i) => join(dir, `${i}.json`))
  const cluster: Cluster = await startCluster(count, {
    env: (index) => ({ ...koersServerEnv, KOERS_BENCH_PROBE_FILE: files[index]! }),
    nodeArgs: probeArgs,
    startTimeoutMs: START_TIMEOUT_MS,
    relays: false,
  })
  const url = cluster.nginx.url
  const wsUrl = (httpUrl: string) => `${httpUrl.replace(/^http/, 'ws')}/sync`
  let room = ''
  let sessions: Session[] = []
  const pids = (): number[] => cluster.instances.map((i) => i.process.pid!)
  return {
    name: `Koers ×${count} (PG + Redis, ${via === 'nginx' ? 'nginx' : 'direct'})`,
    framing: 'y-websocket',
    get room() {
      return room
    },
    async seed(state, clients) {
      // Straight to one instance: nginx as the tests run it cannot buffer a 1 MB body to disk.
      const imported = await importState(cluster.instances[0]!.url, state)
      room = imported.id
      sessions = await sessionsFor(url, imported.editor, clients)
    },
    restart: () => Promise.reject(new Error('not used for the cluster')),
    async urls(clients) {
      const throughNginx = await ticketUrls(url, wsUrl(url), room, sessions, clients)
      if (via === 'nginx') return throughNginx
      return throughNginx.map((ticketed, i) =>
        ticketed.replace(wsUrl(url), wsUrl(cluster.instances[i % count]!.url)),
      )
    },
    pids,
    probe: (gc = false) => probeAll(files, pids(), gc),
    metricsUrls: () => cluster.instances.map((instance) => `${instance.url}/metrics`),
    async stop() {
      await cluster.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

interface PeerProcess {
  child: ChildProcess
  port: number
}

async function launchPeer(script: string, docDir: string, probeFile: string): Promise<PeerProcess> {
  const child = spawn(process.execPath, [...probeArgs, script], {
    env: { ...process.env, KOERS_BENCH_DOC_DIR: docDir, KOERS_BENCH_PROBE_FILE: probeFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start:\n${output}`)),
      START_TIMEOUT_MS,
    )
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /peer listening on (\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)))
  })
  return { child, port }
}

async function stopPeer(peer: PeerProcess): Promise<void> {
  if (peer.child.exitCode !== null || peer.child.signalCode !== null) return
  const exited = new Promise((resolve) => peer.child.once('exit', resolve))
  peer.child.kill('SIGKILL')
  await exited
}

/**
 * A peer server process (`peers/*.cjs|mjs`) that reads the room's document from a file in its
 * data dir when the room is first opened: what a restart leaves it is the stored document.
 */
function peerTarget(name: string, script: string, framing: Framing): () => Promise<Target> {
  return async () => {
    const docDir = mkdtempSync(join(tmpdir(), 'koers-bench-peer-'))
    const probeFile = join(docDir, 'probe.json')
    const path = fileURLToPath(new URL(`./peers/${script}`, import.meta.url))
    let peer = await launchPeer(path, docDir, probeFile)
    let room = ''
    let rooms = 0
    return {
      name,
      framing,
      get room() {
        return room
      },
      async seed(state) {
        room = `bench-${++rooms}`
        writeFileSync(join(docDir, `${room}.bin`), state)
      },
      async restart() {
        await stopPeer(peer)
        peer = await launchPeer(path, docDir, probeFile)
      },
      async urls(count) {
        // Hocuspocus names the document in every frame; the URL path is not used for it.
        const url =
          framing === 'hocuspocus'
            ? `ws://127.0.0.1:${peer.port}`
            : `ws://127.0.0.1:${peer.port}/${room}`
        return Array.from({ length: count }, () => url)
      },
      pids: () => [peer.child.pid!],
      probe: (gc = false) => probeAll([probeFile], [peer.child.pid!], gc),
      async stop() {
        await stopPeer(peer)
        rmSync(docDir, { recursive: true, force: true })
      },
    }
  }
}

export const yWebsocketTarget = peerTarget('y-websocket 2.1', 'yWebsocket21.cjs', 'y-websocket')
export const hocuspocusTarget = peerTarget('Hocuspocus 4', 'hocuspocus.mjs', 'hocuspocus')
