import { DEFAULT_LIMITS, CloseCode } from '@koers/protocol'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { hashSecret, newSecret } from '../auth/secrets.ts'
import { MemoryTicketStore } from '../auth/tickets.ts'
import { silentLogger } from '../log.ts'
import { openDatabase } from '../store/database.ts'
import { createSqliteAccessStore } from '../store/sqliteAccessStore.ts'
import { createSqliteDocumentStore } from '../store/sqliteDocumentStore.ts'
import { createSqliteLifecycleStore } from '../store/sqliteLifecycleStore.ts'
import { RoomRegistry } from '../sync/roomRegistry.ts'
import { FakePeer } from '../testing/fakeSocket.ts'
import { createTemplateDoc } from '../testing/tempStore.ts'
import { ActivityTracker } from './activityTracker.ts'
import { DAY_MS, runHousekeeping } from './housekeeping.ts'
import { WorkspaceEraser } from './workspaceEraser.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const setup = () => {
  const dir = mkdtempSync(join(tmpdir(), 'koers-housekeeping-'))
  dirs.push(dir)
  const db = openDatabase(dir, 'normal')
  const documents = createSqliteDocumentStore(db)
  const access = createSqliteAccessStore(db)
  const lifecycle = createSqliteLifecycleStore(db)
  const registry = new RoomRegistry(documents, DEFAULT_LIMITS, silentLogger)
  const tickets = new MemoryTicketStore(30_000)
  const eraser = new WorkspaceEraser(
    lifecycle,
    tickets,
    registry,
    new ActivityTracker(lifecycle, silentLogger),
  )
  const addWorkspace = async (id: string) => {
    await createTemplateDoc(documents, id)
    await access.createWorkspace({
      id,
      title: 'Visie',
      school: 'De Linde',
      keyHashes: {
        facilitator: hashSecret(newSecret()),
        editor: hashSecret(newSecret()),
        viewer: hashSecret(newSecret()),
      },
    })
  }
  return { documents, lifecycle, registry, tickets, eraser, addWorkspace }
}

describe('housekeeping (PRIV-4, PRIV-5)', () => {
  it('PRIV-5 deletes workspaces unused for the retention period, but not one with people connected', async () => {
    const { documents, lifecycle, registry, tickets, eraser, addWorkspace } = setup()
    for (const id of ['idle-workspace-00001', 'busy-workspace-00002', 'new-workspace-000003']) {
      await addWorkspace(id)
    }
    const now = Date.now() + 40 * DAY_MS
    const principal = {
      workspaceId: 'busy-workspace-00002',
      participantId: 'p',
      role: 'editor' as const,
      displayName: 'Eva',
    }
    const peer = new FakePeer()
    peer.connection = registry.join(principal, peer)
    await expect.poll(() => registry.roomOf('busy-workspace-00002')?.connections.size).toBe(1)
    await lifecycle.touchWorkspace('new-workspace-000003', new Date(now - DAY_MS))
    tickets.issue({ ...principal, workspaceId: 'idle-workspace-00001' })

    const result = await runHousekeeping({
      store: lifecycle,
      eraser,
      registry,
      retentionDays: 30,
      log: silentLogger,
      now: () => now,
    })

    expect(result.deletedWorkspaces).toBe(1)
    expect(await lifecycle.lastActivity('idle-workspace-00001')).toBeNull()
    expect(await documents.load('idle-workspace-00001')).toBeNull()
    expect(tickets.size).toBe(0)
    expect((await lifecycle.lastActivity('busy-workspace-00002'))?.getTime()).toBe(now)
    expect(peer.closedWith).toBeNull()
    expect(await lifecycle.lastActivity('new-workspace-000003')).not.toBeNull()
    await registry.close()
    await documents.close()
  })

  it('PRIV-5 without a retention period no workspace is deleted', async () => {
    const { documents, lifecycle, registry, eraser, addWorkspace } = setup()
    await addWorkspace('old-workspace-000004')
    const result = await runHousekeeping({
      store: lifecycle,
      eraser,
      registry,
      retentionDays: null,
      log: silentLogger,
      now: () => Date.now() + 3650 * DAY_MS,
    })
    expect(result.deletedWorkspaces).toBe(0)
    expect(await lifecycle.countWorkspaces()).toBe(1)
    await registry.close()
    await documents.close()
  })

  it('PRIV-2 erasing closes the workspace’s sockets with 4410 and drops its room', async () => {
    const { documents, lifecycle, registry, eraser, addWorkspace } = setup()
    await addWorkspace('open-workspace-00005')
    const peer = new FakePeer()
    peer.connection = registry.join(
      { workspaceId: 'open-workspace-00005', participantId: 'p', role: 'editor', displayName: 'E' },
      peer,
    )
    await expect.poll(() => registry.roomOf('open-workspace-00005')?.connections.size).toBe(1)
    await eraser.erase('open-workspace-00005')
    expect(peer.closedWith).toBe(CloseCode.WorkspaceDeleted)
    expect(registry.roomOf('open-workspace-00005')).toBeNull()
    expect(await documents.load('open-workspace-00005')).toBeNull()
    expect(await lifecycle.countWorkspaces()).toBe(0)
    await registry.close()
    await documents.close()
  })
})
