import {
  documentViolations,
  metaText,
  readAdoption,
  sectionBody,
  setAdoptionStatus,
  updateMeta,
} from '@koers/doc-model'
import { seeded } from '@koers/doc-model/testing'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { contentOf } from '../testing/contentOf.ts'
import { randomEdits, replicaOf, templateVision } from '../testing/randomVision.ts'
import { RESTORE_KEEPS, restoreContent, restoreText } from './restoreContent.ts'

/** Restores `target` into `live` in one transaction and returns the update it made. */
const restore = (live: Y.Doc, target: Y.Doc): Uint8Array => {
  let update: Uint8Array | null = null
  const capture = (u: Uint8Array): void => {
    update = u
  }
  live.on('update', capture)
  live.transact(() => restoreContent(live, target))
  live.off('update', capture)
  return update ?? new Uint8Array([0, 0])
}

/** Sends everything each of two replicas has to the other. */
const exchange = (a: Y.Doc, b: Y.Doc): void => {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, toB)
  Y.applyUpdate(a, toA)
}

/**
 * The content of `live` without the sections `version` did not have (and their bodies), which a
 * restore keeps as removed sections; checks that they are removed.
 */
const restoredContent = (live: Y.Doc, version: Y.Doc): Record<string, unknown> => {
  const content = contentOf(live, RESTORE_KEEPS)
  const sections = Object.entries(content.sections as Record<string, { removed?: boolean }>)
  const extra = sections.filter(([id]) => !version.getMap('sections').has(id)).map(([id]) => id)
  for (const id of extra)
    expect((content.sections as Record<string, { removed?: boolean }>)[id]!.removed).toBe(true)
  const dropped = new Set([...extra, ...extra.map((id) => `body:${id}`)])
  const kept = Object.fromEntries(Object.entries(content).filter(([name]) => !dropped.has(name)))
  return { ...kept, sections: Object.fromEntries(sections.filter(([id]) => !dropped.has(id))) }
}

const SEEDS = Array.from({ length: Number(process.env.KOERS_RESTORE_SEEDS ?? 40) }, (_, i) => i + 1)

describe('restore transformation (VER-5)', () => {
  it.each(SEEDS)(
    'VER-5 seed %i: an older version of the same document is restored, adoption kept, new sections removed',
    (seed) => {
      const random = seeded(seed)
      const version = templateVision(random)
      randomEdits(random, version, 15)
      const live = replicaOf(version)
      randomEdits(random, live, 40)
      setAdoptionStatus(live, 'teambespreking', { date: '2026-12-01', note: 'team' })
      const adoptionBefore = live.getMap('adoption').toJSON()
      restore(live, version)
      expect(restoredContent(live, version)).toEqual(contentOf(version, RESTORE_KEEPS))
      expect(live.getMap('adoption').toJSON()).toEqual(adoptionBefore)
      expect(documentViolations(live)).toEqual([])
      // A second restore of the same version changes nothing.
      const again = restore(live, version)
      expect(Y.decodeUpdate(again).structs).toEqual([])
    },
  )

  it.each(SEEDS)('VER-5 seed %i: an unrelated document (other ids) is restored', (seed) => {
    const random = seeded(1000 + seed)
    const live = templateVision(random)
    randomEdits(random, live, 30)
    const other = templateVision(random)
    randomEdits(random, other, 30)
    restore(live, other)
    expect(restoredContent(live, other)).toEqual(contentOf(other, RESTORE_KEEPS))
    expect(documentViolations(live)).toEqual([])
  })

  it.each(SEEDS)(
    'VER-5 seed %i: edits made concurrently with the restore merge; every replica converges',
    (seed) => {
      const random = seeded(5000 + seed)
      const version = templateVision(random)
      randomEdits(random, version, 15)
      const live = replicaOf(version)
      randomEdits(random, live, 30)
      const typist = replicaOf(live)
      restore(live, version)
      randomEdits(random, typist, 10)
      exchange(live, typist)
      expect(contentOf(typist)).toEqual(contentOf(live))
      expect(documentViolations(live)).toEqual([])
    },
  )

  it('VER-5: typing at the end of a text the restore replaces lands after the restored text', () => {
    for (const clientId of [1, 2 ** 31]) {
      const version = new Y.Doc()
      const text = version.getText('t')
      text.insert(0, 'Versie één: wij kiezen voor rust.')
      const live = replicaOf(version)
      live.getText('t').delete(7, 3)
      live.getText('t').insert(7, 'twee')
      live.getText('t').insert(live.getText('t').length, ' t1w0')
      const typist = replicaOf(live)
      typist.clientID = clientId
      live.transact(() => restoreText(live.getText('t'), version.getText('t')))
      typist.getText('t').insert(typist.getText('t').length, ' t1w7')
      exchange(live, typist)
      expect(live.getText('t').toString()).toBe('Versie één: wij kiezen voor rust. t1w7')
      expect(typist.getText('t').toString()).toBe(live.getText('t').toString())
    }
  })

  it('VER-5: typing during a restore into a text the restore changes elsewhere is kept', () => {
    const random = seeded(7)
    const live = templateVision(random)
    updateMeta(live, { period: 'schooljaar 2025 tot 2029' })
    const firstSection = live.getMap('sections').keys().next().value as string
    const body = sectionBody(live, firstSection)
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    text.insert(0, 'Wij kiezen voor rust in de klas.')
    paragraph.insert(0, [text])
    body.insert(0, [paragraph])
    const version = replicaOf(live)
    updateMeta(live, { period: 'schooljaar 2025 tot 2030' })
    text.delete(4, 6)
    text.insert(4, 'willen', { bold: {} })

    const typist = replicaOf(live)
    restore(live, version)
    metaText(typist, 'period')!.insert(0, 'Nieuw: ')
    const typed = (sectionBody(typist, firstSection).get(0) as Y.XmlElement).get(0) as Y.XmlText
    typed.insert(typed.length, ' Echt!')
    exchange(live, typist)

    expect(metaText(live, 'period')!.toString()).toBe('Nieuw: schooljaar 2025 tot 2029')
    expect(sectionBody(live, firstSection).get(0).toString()).toBe(
      '<paragraph>Wij kiezen voor rust in de klas. Echt!</paragraph>',
    )
    expect(contentOf(typist)).toEqual(contentOf(live))
    expect(readAdoption(live).status).toBe('concept')
  })
})
