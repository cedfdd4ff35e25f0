import { dropPostgresSchema } from '@koers/server/testing/postgresSchema'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startNetworkSwitch, type NetworkSwitch } from './networkSwitch.ts'
import {
  makeDataDir,
  removeDataDir,
  repoRoot,
  spawnServer,
  type ServerHandle,
} from './spawnServer.ts'

/** Set by `.ci/run`; scale-out tests need both services and Debian's nginx. */
export const DATABASE_URL = process.env.DATABASE_URL ?? ''
export const REDIS_URL = process.env.REDIS_URL ?? ''
const NGINX = '/usr/sbin/nginx'
export const nginxAvailable = spawnSync(NGINX, ['-v']).status === 0
export const scaleOutAvailable = Boolean(DATABASE_URL && REDIS_URL && nginxAvailable)

const freePort = async (): Promise<number> => {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

export interface Nginx {
  url: string
  stop(): Promise<void>
}

/**
 * Debian's nginx with `docs/nginx/koers.conf` exactly as documented, except its ports: the
 * listen port and the upstream servers become the test's.
 */
export async function startNginx(upstreamPorts: number[]): Promise<Nginx> {
  const documented = readFileSync(join(repoRoot, 'docs/nginx/koers.conf'), 'utf8')
  const port = await freePort()
  let servers = 0
  const site = documented
    .replace(/listen 8080;/, `listen 127.0.0.1:${port};`)
    .replace(/^(\s*)server 127\.0\.0\.1:\d+(.*)$/gm, (line, indent: string, rest: string) => {
      const upstream = upstreamPorts[servers++]
      return upstream === undefined ? '' : `${indent}server 127.0.0.1:${upstream}${rest}`
    })
  // Fewer instances than documented drop the extra server lines; more cannot be made up.
  if (servers < upstreamPorts.length)
    throw new Error('the documented config lists fewer upstreams than instances')
  const dir = mkdtempSync(join(tmpdir(), 'koers-nginx-'))
  writeFileSync(
    join(dir, 'nginx.conf'),
    `pid ${dir}/nginx.pid;
worker_processes auto;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${site}
}
`,
  )
  const child: ChildProcess = spawn(
    NGINX,
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'],
    {
      stdio: 'ignore',
    },
  )
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${url}/healthz`).then(
      (res) => res.status === 200,
      () => false,
    )
    if (up) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface Cluster {
  instances: ServerHandle[]
  nginx: Nginx
  /** Relays between the instances and PostgreSQL / Redis: unplug one to take it down. */
  postgres: NetworkSwitch
  redis: NetworkSwitch
  /** Starts an instance again on the same services (after a kill). */
  restart(index: number): Promise<ServerHandle>
  stop(): Promise<void>
}

const portOf = (url: string, fallback: number): number => Number(new URL(url).port || fallback)

/**
 * N real instances on one PostgreSQL schema and one Redis prefix of their own, behind real
 * nginx. PostgreSQL and Redis are reached through relays so a test can cut them without
 * touching the services other tests use.
 */
export interface ClusterOptions {
  /** Extra environment per instance (the benchmark's probes and throttles). */
  env?: (index: number) => Record<string, string>
  nodeArgs?: string[]
  startTimeoutMs?: number
  /**
   * Reach PostgreSQL and Redis through relays that can be unplugged (default). The benchmark
   * turns them off: a relay runs in the calling process, and a busy load generator's event
   * loop would then sit between every commit and its broadcast.
   */
  relays?: boolean
}

/** For a cluster without relays: nothing to unplug, and saying so beats doing nothing. */
const noRelay = (url: string, name: string): NetworkSwitch => ({
  url,
  setConnected: () => {
    throw new Error(`this cluster reaches ${name} directly (relays: false)`)
  },
  close: async () => undefined,
})

export async function startCluster(count = 2, options: ClusterOptions = {}): Promise<Cluster> {
  const schema = `koers_test_${randomBytes(6).toString('hex')}`
  const prefix = `koers-test-${randomBytes(6).toString('hex')}`
  const relays = options.relays ?? true
  const postgres = relays
    ? await startNetworkSwitch(portOf(DATABASE_URL, 5432))
    : noRelay(`http://127.0.0.1:${portOf(DATABASE_URL, 5432)}`, 'PostgreSQL')
  const redis = relays
    ? await startNetworkSwitch(portOf(REDIS_URL, 6379))
    : noRelay(`http://127.0.0.1:${portOf(REDIS_URL, 6379)}`, 'Redis')
  const database = new URL(DATABASE_URL)
  database.host = `127.0.0.1:${new URL(postgres.url).port}`
  const bus = new URL(REDIS_URL)
  bus.host = `127.0.0.1:${new URL(redis.url).port}`
  const env = {
    DATABASE_URL: database.toString(),
    KOERS_DATABASE_SCHEMA: schema,
    REDIS_URL: bus.toString(),
    KOERS_REDIS_PREFIX: prefix,
    KOERS_TRUST_PROXY: '1',
    KOERS_JOINS_PER_MINUTE: '100000',
  }
  const dataDirs: string[] = []
  const envOf = (index: number): Record<string, string> => ({
    ...options.env?.(index),
    ...env,
  })
  const nodeArgs = options.nodeArgs ?? []
  const launch = async (index: number): Promise<ServerHandle> => {
    const dataDir = await makeDataDir()
    dataDirs.push(dataDir)
    return spawnServer({
      env: envOf(index),
      dataDir,
      nodeArgs,
      ...(options.startTimeoutMs ? { startTimeoutMs: options.startTimeoutMs } : {}),
    })
  }
  const instances = await Promise.all(Array.from({ length: count }, (_, i) => launch(i)))
  const stopAllButNginx = async (): Promise<void> => {
    await Promise.all(instances.map((instance) => instance.stop()))
    await postgres.close()
    await redis.close()
    await dropPostgresSchema(schema)
    await Promise.all(dataDirs.map(removeDataDir))
  }
  const nginx = await startNginx(instances.map((instance) => instance.port)).catch(
    async (error: unknown) => {
      await stopAllButNginx()
      throw error
    },
  )
  return {
    instances,
    nginx,
    postgres,
    redis,
    restart: async (index) => {
      const old = instances[index]!
      const again = await spawnServer({
        env: envOf(index),
        dataDir: old.dataDir,
        port: old.port,
        nodeArgs,
      })
      instances[index] = again
      return again
    },
    stop: async () => {
      await nginx.stop()
      await stopAllButNginx()
    },
  }
}
