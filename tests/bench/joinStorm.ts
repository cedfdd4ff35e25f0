import { listSections } from '@koers/doc-model'
import { setTimeout as delay } from 'node:timers/promises'
import * as Y from 'yjs'
import { createWorkspace, joinAs, ticket } from '../support/api.ts'
import { connectProvider, disposeProvider, waitForSync } from '../support/provider.ts'
import { removeDataDir, spawnServer, type ServerHandle } from '../support/spawnServer.ts'
import { now } from './keystrokes.ts'
import { connectListener } from './listener.ts'
import { median, sampleUsage } from './serverUsage.ts'

export interface StormResult {
  clients: number
  docBytes: number
  firstSyncedMs: number
  medianSyncedMs: number
  lastSyncedMs: number
  failed: number
  serverRssMb: number
}

/** Writes about `bytes` of text into the section bodies, in chunks well under the frame limit. */
async function fill(
  server: ServerHandle,
  workspaceId: string,
  cookie: string,
  bytes: number,
): Promise<number> {
  const provider = await connectProvider(server.url, workspaceId, cookie)
  await waitForSync(provider)
  const sections = listSections(provider.doc).map((s) => s.id)
  const chunk = 32 * 1024
  const sentence =
    'Wij kiezen voor technologie die het contact tussen leraar en leerling versterkt. '
  for (let written = 0, i = 0; written < bytes; written += chunk, i++) {
    const body = provider.doc.getXmlFragment(`body:${sections[i % sections.length]}`)
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [
      new Y.XmlText(sentence.repeat(Math.ceil(chunk / sentence.length)).slice(0, chunk)),
    ])
    body.insert(body.length, [paragraph])
    // Stay under the per-connection message budget.
    if (i % 20 === 19) await delay(400)
  }
  const size = Y.encodeStateAsUpdate(provider.doc).byteLength
  // Wait until a second client sees the whole document: it has been applied and stored.
  const check = await connectProvider(server.url, workspaceId, cookie)
  await waitForSync(check)
  for (let i = 0; i < 100 && Y.encodeStateAsUpdate(check.doc).byteLength < size; i++)
    await delay(100)
  disposeProvider(check)
  disposeProvider(provider)
  return size
}

/**
 * `clients` sockets join a ~1 MB workspace at the same moment, right after a restart (so the
 * room is loaded from the store while they arrive). Measures until the last one has sync step 2.
 */
export async function runJoinStorm(
  env: Record<string, string>,
  clients: number,
  docBytes: number,
): Promise<StormResult> {
  let server = await spawnServer({ env })
  const dataDir = server.dataDir
  try {
    const workspace = await createWorkspace(server.url, {
      title: 'Groot document',
      school: 'Bench',
    })
    const lead = await joinAs(server.url, workspace.keys.facilitator, 'Bench lead')
    const size = await fill(server, workspace.id, lead.cookie, docBytes)
    const sessions = []
    for (let i = 0; i < clients; i += 25) {
      sessions.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(25, clients - i) }, (_, j) =>
            joinAs(server.url, workspace.keys.editor, `Deelnemer ${i + j}`),
          ),
        )),
      )
    }
    await server.stop()
    server = await spawnServer({ env, dataDir })
    const url = server.url
    const tickets = await Promise.all(sessions.map((s) => ticket(url, workspace.id, s.cookie)))

    const start = now()
    const listeners = tickets.map((t) =>
      connectListener(`${server.wsUrl}/${workspace.id}?ticket=${encodeURIComponent(t)}`, { now }),
    )
    const results = await Promise.allSettled(
      listeners.map((l) =>
        Promise.race([l.synced, delay(120_000).then(() => Promise.reject(new Error('timeout')))]),
      ),
    )
    const times: number[] = []
    for (const r of results) if (r.status === 'fulfilled') times.push(r.value.at - start)
    const serverRssMb = (await sampleUsage(server.process.pid!)).rss / 1024 / 1024
    for (const l of listeners) l.ws.terminate()
    return {
      clients,
      docBytes: size,
      firstSyncedMs: Math.min(...times),
      medianSyncedMs: median(times),
      lastSyncedMs: Math.max(...times),
      failed: results.length - times.length,
      serverRssMb,
    }
  } finally {
    await server.stop()
    await removeDataDir(dataDir)
  }
}
