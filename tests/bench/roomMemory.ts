import { setTimeout as delay } from 'node:timers/promises'
import { createWorkspace, joinAs, ticket, type Session } from '../support/api.ts'
import { removeDataDir, spawnServer } from '../support/spawnServer.ts'
import { now } from './keystrokes.ts'
import { connectListener } from './listener.ts'
import { median, sampleUsage } from './serverUsage.ts'

export interface RoomMemoryResult {
  rooms: number
  rssBeforeMb: number
  rssAfterMb: number
  perRoomKb: number
}

async function steadyRss(pid: number): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < 5; i++) {
    samples.push((await sampleUsage(pid)).rss)
    await delay(200)
  }
  return median(samples)
}

/** Loads `rooms` template-sized workspaces (one sync each, then idle) and divides the RSS growth. */
export async function runRoomMemory(
  env: Record<string, string>,
  rooms: number,
): Promise<RoomMemoryResult> {
  const server = await spawnServer({ env: { ...env, KOERS_ROOM_IDLE_MS: '600000' } })
  try {
    const sessions = []
    for (let i = 0; i <= rooms; i++) {
      const workspace = await createWorkspace(server.url, { title: `Ruimte ${i}`, school: 'Bench' })
      sessions.push(await joinAs(server.url, workspace.keys.editor, 'Lezer'))
    }
    const load = async (s: Session): Promise<void> => {
      const t = await ticket(server.url, s.workspaceId, s.cookie)
      const listener = connectListener(
        `${server.wsUrl}/${s.workspaceId}?ticket=${encodeURIComponent(t)}`,
        { now },
      )
      await listener.synced
      listener.ws.close()
    }
    // The first load warms code paths and shared allocations; it is not counted.
    await load(sessions.shift()!)
    const pid = server.process.pid!
    const before = await steadyRss(pid)
    for (let i = 0; i < sessions.length; i += 10)
      await Promise.all(sessions.slice(i, i + 10).map(load))
    await delay(500)
    const after = await steadyRss(pid)
    return {
      rooms,
      rssBeforeMb: before / 1024 / 1024,
      rssAfterMb: after / 1024 / 1024,
      perRoomKb: (after - before) / rooms / 1024,
    }
  } finally {
    await server.stop()
    await removeDataDir(server.dataDir)
  }
}
