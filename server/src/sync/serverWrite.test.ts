import { readAdoption, readMeta, setAdoptionStatus, updateMeta } from '@koers/doc-model'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DOC, roomHarness, type RoomHarness } from '../testing/roomHarness.ts'

let harness: RoomHarness
afterEach(() => harness.close())

/** The document as the store has it, read into a fresh Y.Doc. */
const storedDoc = async (): Promise<Y.Doc> => {
  const stored = await harness.store.load(DOC)
  const doc = new Y.Doc()
  for (const update of stored!.updates) Y.applyUpdate(doc, update)
  return doc
}

describe('writing into a room as the server (SYNC-23)', () => {
  it('SYNC-23: loads an unloaded workspace, writes in one transaction, stores it, unloads when idle', async () => {
    harness = await roomHarness({ roomIdleMs: 20 })
    expect(harness.registry.roomCount).toBe(0)
    let transactions = 0
    const result = await harness.registry.writeAsServer(DOC, (doc) => {
      doc.on('afterTransaction', () => transactions++)
      updateMeta(doc, { period: '2026–2030' })
      setAdoptionStatus(doc, 'mr', { date: '2026-12-01', note: '' })
      return 'done'
    })
    expect(result).toBe('done')
    expect(transactions).toBe(1)
    const stored = await storedDoc()
    expect(readMeta(stored).period).toBe('2026–2030')
    expect(readAdoption(stored).status).toBe('mr')
    await expect.poll(() => harness.registry.roomCount).toBe(0)
  })

  it('SYNC-23: connected replicas receive the change, also in a root editors may not write, and it is never reverted', async () => {
    harness = await roomHarness()
    const editor = await harness.join('editor')
    const viewer = await harness.join('viewer')
    await harness.registry.writeAsServer(DOC, (doc) => {
      setAdoptionStatus(doc, 'vastgesteld', { date: '2026-12-02', note: 'bestuur' })
    })
    await expect.poll(() => readAdoption(editor.doc).status).toBe('vastgesteld')
    await expect.poll(() => readAdoption(viewer.doc).status).toBe('vastgesteld')
    expect(editor.count('auth')).toBe(0)
    expect(readAdoption(harness.registry.roomOf(DOC)!.doc).status).toBe('vastgesteld')
    expect(readAdoption(await storedDoc()).status).toBe('vastgesteld')
  })

  it('SYNC-23 DUR-1: the write sees exactly the stored document: it waits for what is uncommitted', async () => {
    harness = await roomHarness()
    const editor = await harness.join('editor')
    let release!: () => void
    harness.store.gate = new Promise((resolve) => (release = resolve))
    editor.edit((doc) => updateMeta(doc, { period: 'getypt' }))
    await expect.poll(() => harness.registry.roomOf(DOC)!.hasUncommitted).toBe(true)
    let seen: string | null = null
    const writing = harness.registry.writeAsServer(DOC, (doc) => {
      seen = readMeta(doc).period
      updateMeta(doc, { title: 'Door de server' })
    })
    const reading = harness.registry.storedState(DOC)
    expect(seen).toBeNull()
    harness.store.gate = null
    release()
    await writing
    expect(seen).toBe('getypt')
    const state = new Y.Doc()
    Y.applyUpdate(state, await reading)
    expect(readMeta(state).period).toBe('getypt')
    expect(readMeta(await storedDoc()).title).toBe('Door de server')
  })

  it('SYNC-23: storedState of an unloaded workspace comes from the store; an unknown one throws', async () => {
    harness = await roomHarness()
    const state = new Y.Doc()
    Y.applyUpdate(state, await harness.registry.storedState(DOC))
    expect(readMeta(state).title).toBe('Visie')
    expect(harness.registry.roomCount).toBe(0)
    await expect(harness.registry.storedState('no-such-workspace-0001')).rejects.toThrow()
    await expect(
      harness.registry.writeAsServer('no-such-workspace-0001', () => 1),
    ).rejects.toThrow()
  })

  it('SYNC-23: commit listeners hear every stored update, a failing listener harms nothing', async () => {
    harness = await roomHarness()
    const heard: string[] = []
    harness.registry.onCommitted(() => {
      throw new Error('listener broke')
    })
    const stop = harness.registry.onCommitted((room) => heard.push(room.docId))
    const editor = await harness.join('editor')
    editor.edit((doc) => updateMeta(doc, { period: 'a' }))
    await expect.poll(() => heard.length).toBe(1)
    stop()
    await harness.registry.writeAsServer(DOC, (doc) => updateMeta(doc, { period: 'b' }))
    expect(heard).toEqual([DOC])
    await expect.poll(() => readMeta(editor.doc).period).toBe('b')
  })
})
