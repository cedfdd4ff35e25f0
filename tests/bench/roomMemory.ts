import { setTimeout as delay } from 'node:timers/promises'
import { createWorkspace, joinAs, ticket, type Session } from '../support/api.ts'
import { connectProvider, disposeProvider, waitForSync } from '../support/provider.ts'
import { removeDataDir, spawnServer } from '../support/spawnServer.ts'
import * as Y from 'yjs'
import { now } from './keystrokes.ts'
import { StockClient } from './stockClient.ts'
import { koersServerEnv, probeArgs, probeAll } from './targets.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

export interface RoomMemoryResult {
  rooms: number
  /** Encoded size of one room's document (the template). */
  docBytes: number
  heapPerRoomKb: number
  /** The same document in a bare Y.Doc in this process: what "beyond its document" subtracts. */
  docHeapKb: number
  rssPerRoomKb: number
  /** Heap left per room once the idle rooms were unloaded (after a full GC). */
  heapPerEvictedRoomKb: number
}

/**
 * Loads `rooms` template workspaces (one stock client syncs each, then leaves), measures the
 * server's heap after a full GC (`--expose-gc`, SIGUSR2 via peers/countWrites.cjs) and RSS, then
 * waits until the idle rooms are unloaded (KOERS_ROOM_IDLE_MS) and measures again. A first batch
 * of as many other rooms is loaded and unloaded before, uncounted: what the process keeps after
 * its first rooms (optimised code, grown caches, about 0.8 MB) is not per room, and divided by
 * the rooms it would read as a leak.
 */
export async function runRoomMemory(rooms: number): Promise<RoomMemoryResult> {
  const dir = mkdtempSync(join(tmpdir(), 'koers-bench-probe-'))
  const probeFile = join(dir, 'probe.json')
  const server = await spawnServer({
    env: { ...koersServerEnv, KOERS_ROOM_IDLE_MS: '6000', KOERS_BENCH_PROBE_FILE: probeFile },
    nodeArgs: probeArgs,
    startTimeoutMs: 120_000,
  })
  const pid = server.process.pid!
  const measure = async (): Promise<{ heap: number; rss: number }> => {
    const heaps: number[] = []
    const rsss: number[] = []
    for (let i = 0; i < 3; i++) {
      const s = await probeAll([probeFile], [pid], true)
      heaps.push(s.heapUsed)
      rsss.push(s.rss)
    }
    return { heap: Math.min(...heaps), rss: Math.min(...rsss) }
  }
  try {
    const sessions: Session[] = []
    for (let i = 0; i < 2 * rooms; i++) {
      const workspace = await createWorkspace(server.url, { title: `Ruimte ${i}`, school: 'Bench' })
      sessions.push(await joinAs(server.url, workspace.keys.editor, 'Lezer'))
    }
    const probe = await connectProvider(server.url, sessions[0]!.workspaceId, sessions[0]!.cookie)
    await waitForSync(probe)
    const state = Y.encodeStateAsUpdate(probe.doc)
    const docBytes = state.byteLength
    disposeProvider(probe)
    const load = async (s: Session): Promise<void> => {
      const t = await ticket(server.url, s.workspaceId, s.cookie)
      const client = new StockClient({
        url: `${server.wsUrl}/${s.workspaceId}?ticket=${encodeURIComponent(t)}`,
        framing: 'y-websocket',
        room: s.workspaceId,
        now,
      })
      await client.synced
      client.ws.close()
    }
    const loadAll = async (batch: Session[]): Promise<void> => {
      for (let i = 0; i < batch.length; i += 10) await Promise.all(batch.slice(i, i + 10).map(load))
    }
    await loadAll(sessions.slice(rooms))
    await delay(8000)
    const before = await measure()
    await loadAll(sessions.slice(0, rooms))
    await delay(300)
    const loaded = await measure()
    await delay(8000)
    const evicted = await measure()
    return {
      rooms,
      docBytes,
      heapPerRoomKb: (loaded.heap - before.heap) / rooms / 1024,
      docHeapKb: bareDocHeapKb(state, rooms),
      rssPerRoomKb: (loaded.rss - before.rss) / rooms / 1024,
      heapPerEvictedRoomKb: (evicted.heap - before.heap) / rooms / 1024,
    }
  } finally {
    await server.stop()
    await removeDataDir(server.dataDir)
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Heap per copy of `state` applied to a bare Y.Doc, after a full GC, over `copies` copies. */
function bareDocHeapKb(state: Uint8Array, copies: number): number {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  gc()
  const before = process.memoryUsage().heapUsed
  const docs: Y.Doc[] = []
  for (let i = 0; i < copies; i++) {
    const doc = new Y.Doc({ gc: true })
    Y.applyUpdate(doc, state)
    docs.push(doc)
  }
  gc()
  const after = process.memoryUsage().heapUsed
  for (const doc of docs) doc.destroy()
  return (after - before) / copies / 1024
}
