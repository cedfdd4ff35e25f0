import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { Network } from './testing/network.ts'
import { createWorkspaceDoc } from './template/createWorkspaceDoc.ts'
import {
  addCustomValue,
  allValues,
  customValues,
  readMeta,
  removeCustomValue,
  updateMeta,
} from './meta.ts'
import { addPrinciple, listPrinciples } from './principles.ts'
import { Root } from './roots.ts'

function workspace(): Y.Doc {
  const doc = new Y.Doc()
  createWorkspaceDoc(doc, { title: 'Koers', school: 'De Linde' })
  return doc
}

describe('meta', () => {
  it('updates only the given fields, in one transaction', () => {
    const doc = workspace()
    let updates = 0
    doc.on('update', () => updates++)
    updateMeta(doc, { sector: 'po', period: '2025–2029', reviewDate: '2026-06-30' })
    expect(updates).toBe(1)
    expect(readMeta(doc)).toMatchObject({
      title: 'Koers',
      sector: 'po',
      period: '2025–2029',
      reviewDate: '2026-06-30',
    })
  })

  it('DM-11: rejects an unknown sector, language or a malformed date', () => {
    const doc = workspace()
    expect(() => updateMeta(doc, { reviewDate: '30-06-2026' })).toThrow(RangeError)
    expect(() => updateMeta(doc, { reviewDate: '2026-02-30' })).toThrow(RangeError)
    expect(() => updateMeta(doc, JSON.parse('{"sector":"hbo"}') as object)).toThrow(RangeError)
    expect(() => updateMeta(doc, JSON.parse('{"language":"de"}') as object)).toThrow(RangeError)
    expect(readMeta(doc).sector).toBe('')
  })

  it('DM-11: reads an empty or malformed meta with defaults', () => {
    const doc = new Y.Doc()
    expect(readMeta(doc)).toEqual({
      title: '',
      school: '',
      sector: '',
      language: 'nl',
      period: '',
      reviewDate: '',
      templateId: '',
      templateVersion: 0,
      schemaVersion: 0,
    })
    const meta = doc.getMap<unknown>(Root.meta)
    meta.set('title', 7)
    meta.set('language', 'fr')
    meta.set('sector', 'hbo')
    meta.set('customValues', 'not a map')
    expect(readMeta(doc)).toMatchObject({ title: '', language: 'nl', sector: '' })
    expect(customValues(doc)).toEqual([])
  })
})

describe('custom values', () => {
  it('adds, deduplicates against defaults and removes team values', () => {
    const doc = workspace()
    expect(addCustomValue(doc, '  Eigenaarschap  ')).toBe('Eigenaarschap')
    expect(addCustomValue(doc, 'eigenaarschap')).toBe('Eigenaarschap')
    expect(addCustomValue(doc, 'Humanity')).toBe('menselijkheid')
    expect(addCustomValue(doc, 'Gelijke kansen')).toBe('gelijke-kansen')
    expect(addCustomValue(doc, '   ')).toBe('')
    addCustomValue(doc, 'Duurzaamheid')
    expect(customValues(doc)).toEqual(['Duurzaamheid', 'Eigenaarschap'])
    expect(allValues(doc).slice(-2)).toEqual(['Duurzaamheid', 'Eigenaarschap'])

    const id = addPrinciple(doc, {
      statement: 'Wij kiezen ...',
      values: ['Duurzaamheid', 'privacy'],
    })
    removeCustomValue(doc, 'Duurzaamheid')
    expect(customValues(doc)).toEqual(['Eigenaarschap'])
    expect(listPrinciples(doc).find((p) => p.id === id)?.values).toEqual(['privacy'])
  })

  it('DM-9: values added concurrently on two replicas are all kept', () => {
    const net = new Network(2, workspace())
    const [one, two] = net.docs as [Y.Doc, Y.Doc]
    addCustomValue(one, 'Eigenaarschap')
    addCustomValue(two, 'Duurzaamheid')
    net.syncAll()
    expect(customValues(one)).toEqual(['Duurzaamheid', 'Eigenaarschap'])
    expect(customValues(two)).toEqual(customValues(one))
  })
})
