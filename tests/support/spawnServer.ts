import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureServerBuild, serverEntry } from '../../scripts/serverBuild.mjs'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

export interface SpawnOptions {
  /** A fixed port (to come back on the same address after a kill); default: any free one. */
  port?: number
  /** Extra environment; PORT, HOST and KOERS_DATA_DIR are set by the harness. */
  env?: Record<string, string>
  /** Reuse a data directory (for restarts); a fresh temp dir is made when absent. */
  dataDir?: string
  /** How long to wait for the "Koers is running at" line. */
  startTimeoutMs?: number
  /** Extra node flags, e.g. `--cpu-prof` to see where the server's time goes. */
  nodeArgs?: string[]
}

export interface ServerHandle {
  url: string
  wsUrl: string
  port: number
  dataDir: string
  process: ChildProcess
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string
  /** Send a signal; resolves when the process has exited. */
  kill: (signal: NodeJS.Signals) => Promise<void>
  /** Graceful stop (SIGTERM, then SIGKILL after 10 s). Idempotent. */
  stop: () => Promise<void>
}

const readyLine = /Koers is running at (http:\/\/\S+)/

export async function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'koers-test-'))
}

export async function removeDataDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 })
}

/** Spawns the real server, as `pnpm start` runs it (`server/dist/main.mjs`), as a child process. */
export async function spawnServer(options: SpawnOptions = {}): Promise<ServerHandle> {
  await ensureServerBuild()
  const dataDir = options.dataDir ?? (await makeDataDir())
  const args = [...(options.nodeArgs ?? []), '--enable-source-maps', serverEntry]
  // CI sets DATABASE_URL and REDIS_URL for the tests that need them; every other server keeps
  // the embedded defaults, and a test that wants the services passes them in `env`.
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: {
      ...inherited,
      NODE_ENV: 'test',
      // EXP-17: the warm-up export costs seconds of CPU; tests that need it ask for it.
      KOERS_EXPORT_WARMUP: '0',
      ...options.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      KOERS_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start within timeout:\n${output}`))
    }, options.startTimeoutMs ?? 120_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = readyLine.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1].replace(/\/$/, ''))
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`server exited before ready (code ${code}, signal ${signal}):\n${output}`))
    })
  })
  const port = Number(new URL(url).port)
  const kill = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    await exited
  }
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.kill('SIGTERM')
    await exited
    clearTimeout(force)
  }
  return {
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/sync`,
    port,
    dataDir,
    process: child,
    output: () => output,
    kill,
    stop,
  }
}
