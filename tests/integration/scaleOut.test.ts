import { afterEach, describe, expect, test } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createWorkspace, joinAs, ticket, type CreatedWorkspace } from '../support/api.ts'
import { startCluster, scaleOutAvailable, type Cluster } from '../support/cluster.ts'
import { connectProvider, disposeProvider, waitForSync } from '../support/provider.ts'
import { rawSocket } from '../support/rawSocket.ts'
import { bodyText, sectionIds, typeInto } from '../support/typing.ts'

// SCALE-6 … SCALE-8: two real instances on PostgreSQL and Redis behind real nginx (the
// configuration in docs/nginx/koers.conf). Runs when DATABASE_URL and REDIS_URL are set and
// nginx is installed; `.ci/run` makes sure of all three.

let cluster: Cluster | null = null
const providers: WebsocketProvider[] = []
afterEach(async () => {
  for (const provider of providers.splice(0)) disposeProvider(provider)
  await cluster?.stop()
  cluster = null
})

const tokens = (doc: Y.Doc, sections: string[]): Set<string> =>
  new Set(
    sections
      .map((id) => bodyText(doc, id))
      .join(' ')
      .match(/t\d+_\d+/g) ?? [],
  )

/** A stock client through `url` (an instance or nginx), synced. */
async function client(
  url: string,
  workspace: CreatedWorkspace,
  name: string,
  role: 'editor' | 'viewer' = 'editor',
) {
  const session = await joinAs(url, workspace.keys[role], name)
  const provider = await connectProvider(url, session.workspaceId, session.cookie)
  providers.push(provider)
  await waitForSync(provider, 20_000)
  return provider
}

const ready = async (url: string): Promise<number> => (await fetch(`${url}/readyz`)).status

describe.skipIf(!scaleOutAvailable)('scale-out: two instances, PostgreSQL, Redis, nginx', () => {
  test('SCALE-6 edits, carets and presence cross instances; a session and ticket made on one work on the other', async () => {
    cluster = await startCluster(2)
    const [one, two] = cluster.instances as [
      (typeof cluster.instances)[0],
      (typeof cluster.instances)[0],
    ]
    const workspace = await createWorkspace(cluster.nginx.url)
    const anna = await client(one.url, workspace, 'Anna')
    const bram = await client(two.url, workspace, 'Bram')
    const first = sectionIds(anna.doc)[0]!
    typeInto(anna.doc, first, 'Anna op instantie 1. ')
    typeInto(bram.doc, first, 'Bram op instantie 2. ')
    await expect
      .poll(() => bodyText(bram.doc, first), { timeout: 15_000 })
      .toContain('Anna op instantie 1')
    await expect
      .poll(() => bodyText(anna.doc, first), { timeout: 15_000 })
      .toContain('Bram op instantie 2')
    anna.awareness.setLocalStateField('cursor', { anchor: 1 })
    await expect
      .poll(() => [...bram.awareness.getStates().values()].some((s) => s.user?.name === 'Anna'), {
        timeout: 15_000,
      })
      .toBe(true)

    // A session made through instance 1, its ticket issued by instance 2, used on instance 1.
    const session = await joinAs(one.url, workspace.keys.editor, 'Carla')
    const fromTwo = await ticket(two.url, session.workspaceId, session.cookie)
    const socket = await rawSocket(one.url, session.workspaceId, fromTwo)
    await socket.sync(new Y.Doc())
    socket.close()

    // Through nginx (round robin) everyone meets in the same document.
    const viaBalancer = await client(cluster.nginx.url, workspace, 'Dirk', 'viewer')
    await expect
      .poll(() => bodyText(viaBalancer.doc, first), { timeout: 15_000 })
      .toContain('Bram op instantie 2')
  })

  test('SCALE-7 Redis and PostgreSQL go down during typing: /readyz says so, nothing is lost, every replica converges', async () => {
    cluster = await startCluster(2)
    const [one, two] = cluster.instances as [
      (typeof cluster.instances)[0],
      (typeof cluster.instances)[0],
    ]
    const workspace = await createWorkspace(cluster.nginx.url)
    const anna = await client(one.url, workspace, 'Anna')
    const bram = await client(two.url, workspace, 'Bram')
    const first = sectionIds(anna.doc)[0]!
    let n = 0
    const typing = setInterval(() => {
      typeInto(anna.doc, first, `t1_${n} `)
      typeInto(bram.doc, first, `t2_${n++} `)
    }, 40)
    try {
      cluster.redis.setConnected(false)
      await expect.poll(() => ready(one.url), { timeout: 15_000 }).toBe(503)
      // Meanwhile both keep serving their own sockets and store everything.
      await expect.poll(() => n, { timeout: 15_000 }).toBeGreaterThan(n + 20)
      cluster.redis.setConnected(true)
      await expect.poll(() => ready(one.url), { timeout: 15_000 }).toBe(200)

      cluster.postgres.setConnected(false)
      await expect.poll(() => ready(two.url), { timeout: 15_000 }).toBe(503)
      await expect.poll(() => n, { timeout: 15_000 }).toBeGreaterThan(n + 20)
      cluster.postgres.setConnected(true)
      await expect.poll(() => ready(two.url), { timeout: 20_000 }).toBe(200)
    } finally {
      clearInterval(typing)
    }
    // Clients resend what was not stored when they reconnect; then all three agree.
    await expect
      .poll(
        async () => {
          const reader = await client(cluster!.nginx.url, workspace, `Lezer ${n++}`, 'viewer')
          const seen = tokens(reader.doc, [first])
          const typed = new Set([...tokens(anna.doc, [first]), ...tokens(bram.doc, [first])])
          return (
            [...typed].every((token) => seen.has(token)) &&
            bodyText(anna.doc, first) === bodyText(bram.doc, first)
          )
        },
        { timeout: 45_000, interval: 1_000 },
      )
      .toBe(true)
  })

  test('SCALE-8 kill -9 of one instance under 20 typing clients: all anyone saw survives; clients reconnect through nginx and converge', async () => {
    cluster = await startCluster(2)
    const workspace = await createWorkspace(cluster.nginx.url)
    const typists = await Promise.all(
      Array.from({ length: 20 }, (_, i) => client(cluster!.nginx.url, workspace, `Typist ${i}`)),
    )
    const observer = await client(cluster.nginx.url, workspace, 'Waarnemer', 'viewer')
    const sections = sectionIds(observer.doc).slice(0, 3)
    let round = 0
    const typing = setInterval(() => {
      round++
      typists.forEach((typist, i) => typeInto(typist.doc, sections[i % 3]!, `t${i}_${round} `))
    }, 60)
    try {
      await expect
        .poll(() => tokens(observer.doc, sections).size, { timeout: 20_000 })
        .toBeGreaterThan(200)
      await cluster.instances[0]!.kill('SIGKILL')
      const seenAtKill = tokens(observer.doc, sections)
      await expect.poll(() => round, { timeout: 20_000 }).toBeGreaterThan(round + 20)
      clearInterval(typing)
      await cluster.restart(0)
      // Everything the observer had seen is in the store; every typist converges.
      const reader = await client(cluster.nginx.url, workspace, 'Lezer', 'viewer')
      const stored = tokens(reader.doc, sections)
      expect([...seenAtKill].filter((token) => !stored.has(token))).toEqual([])
      await expect
        .poll(
          () =>
            typists.every((typist) =>
              sections.every((id) => bodyText(typist.doc, id) === bodyText(reader.doc, id)),
            ),
          { timeout: 45_000, interval: 500 },
        )
        .toBe(true)
    } finally {
      clearInterval(typing)
    }
  })
})
