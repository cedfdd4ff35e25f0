import { readAdoption, readMeta, setAdoptionStatus, updateMeta } from '@koers/doc-model'
import { DEFAULT_LIMITS } from '@koers/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { silentLogger } from '../log.ts'
import { openDatabase, type SqliteDatabase } from '../store/database.ts'
import { createSqliteVersionStore } from '../store/sqliteVersionStore.ts'
import type { VersionStore } from '../store/versionStore.ts'
import { DOC, roomHarness, type RoomHarness } from '../testing/roomHarness.ts'
import { MAX_VERSIONS_PER_WORKSPACE, VersionError, VersionService } from './versionService.ts'

let harness: RoomHarness
let db: SqliteDatabase
afterEach(async () => {
  db.close()
  await harness.close()
})

/** A version service on the harness's SQLite file; `hold` makes the next saves wait. */
const setup = async () => {
  harness = await roomHarness()
  db = openDatabase(harness.store.dir, 'normal')
  const inner = createSqliteVersionStore(db)
  const control = { hold: null as Promise<void> | null, waiting: 0 }
  const store: VersionStore = {
    ...inner,
    save: async (version) => {
      if (control.hold) {
        control.waiting++
        await control.hold
      }
      return inner.save(version)
    },
  }
  const service = new VersionService(harness.registry, store, DEFAULT_LIMITS, silentLogger)
  return { service, inner, control }
}

const periodOf = (state: Uint8Array): string => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return readMeta(doc).period
}

describe('version service', () => {
  it('VER-6: what is committed between the before-restore save and the restore is in that version', async () => {
    const { service, inner, control } = await setup()
    const facilitator = await harness.join('facilitator')
    facilitator.edit((doc) => updateMeta(doc, { period: 'versie' }))
    await harness.registry.flush()
    const saved = await service.save(DOC, 'Versie', 'named')
    facilitator.edit((doc) => updateMeta(doc, { period: 'later' }))
    await harness.registry.flush()

    let release!: () => void
    control.hold = new Promise((resolve) => (release = resolve))
    const restoring = service.restore(DOC, saved.id)
    await expect.poll(() => control.waiting).toBe(1)
    // Typed while the before-restore version is being written.
    facilitator.edit((doc) => updateMeta(doc, { period: 'tussendoor' }))
    await harness.registry.flush()
    control.hold = null
    release()
    const { before, restored } = await restoring

    expect(restored.id).toBe(saved.id)
    expect(periodOf((await inner.get(DOC, before.id))!.state)).toBe('tussendoor')
    expect(readMeta(harness.registry.roomOf(DOC)!.doc).period).toBe('versie')
    await expect.poll(() => readMeta(facilitator.doc).period).toBe('versie')
  })

  it('VER-3: a change of the adoption status saves a version named after the step; other changes do not', async () => {
    const { service, inner } = await setup()
    service.watchStatusChanges()
    const facilitator = await harness.join('facilitator')
    facilitator.edit((doc) => updateMeta(doc, { period: 'eerst' }))
    await harness.registry.flush()
    facilitator.edit((doc) => setAdoptionStatus(doc, 'mr', { date: '2026-12-01', note: '' }))
    await expect
      .poll(async () => (await inner.list(DOC)).map((v) => [v.name, v.kind]))
      .toEqual([['Voorgelegd aan de MR', 'auto-status']])
    const [auto] = await inner.list(DOC)
    const state = (await inner.get(DOC, auto!.id))!.state
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state)
    expect(readAdoption(doc).status).toBe('mr')
    facilitator.edit((d) => updateMeta(d, { period: 'daarna' }))
    await harness.registry.flush()
    expect(await inner.count(DOC)).toBe(1)
    service.stop()
    facilitator.edit((d) => setAdoptionStatus(d, 'vastgesteld', { date: '', note: '' }))
    await harness.registry.flush()
    expect(await inner.count(DOC)).toBe(1)
  })

  it('VER-8: a workspace keeps at most 200 versions; then saving and restoring are refused', async () => {
    const { service } = await setup()
    const first = await service.save(DOC, 'Eerste', 'named')
    for (let i = 1; i < MAX_VERSIONS_PER_WORKSPACE; i++) await service.save(DOC, `V${i}`, 'named')
    await expect(service.save(DOC, 'Te veel', 'named')).rejects.toMatchObject({ reason: 'full' })
    await expect(service.restore(DOC, first.id)).rejects.toBeInstanceOf(VersionError)
    expect((await service.list(DOC)).length).toBe(MAX_VERSIONS_PER_WORKSPACE)
  })

  it('VER-10: an unknown version is not found, and a restore of it changes nothing', async () => {
    const { service } = await setup()
    await expect(service.restore(DOC, 'geen-versie')).rejects.toMatchObject({ reason: 'not_found' })
    await expect(service.state(DOC, 'geen-versie')).rejects.toMatchObject({ reason: 'not_found' })
    expect(await service.list(DOC)).toEqual([])
  })
})
