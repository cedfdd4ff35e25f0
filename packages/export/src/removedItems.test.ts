import { addAction, addPrinciple, removeAction, removePrinciple } from '@koers/doc-model'
import type * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { exportWorkspace, type ExportOptions } from './index.ts'
import { SEED, seedVision } from './testing/seedVision.ts'

const options: ExportOptions = {
  lang: 'nl',
  questions: true,
  appendix: true,
  now: new Date('2026-12-05T10:00:00Z'),
}

async function exported(doc: Y.Doc, format: 'md' | 'html' | 'json'): Promise<string> {
  return new TextDecoder().decode((await exportWorkspace(doc, format, options)).bytes)
}

describe('removed principles and actions', () => {
  it('DM-19: the exports and the readable part of the backup leave them out', async () => {
    const doc = seedVision()
    const principle = addPrinciple(doc, { statement: 'Weggehaald uitgangspunt' })
    addAction(doc, { what: 'Hoort bij het weggehaalde', principleId: principle })
    const action = addAction(doc, { what: 'Weggehaald actiepunt' })
    removePrinciple(doc, principle)
    removeAction(doc, action)
    for (const format of ['md', 'html'] as const) {
      const text = await exported(doc, format)
      expect(text).toContain(SEED.principles[0]!)
      expect(text).toContain(SEED.actions[0]!)
      expect(text).toContain('Hoort bij het weggehaalde')
      expect(text).not.toContain('Weggehaald uitgangspunt')
      expect(text).not.toContain('Weggehaald actiepunt')
    }
    const backup = JSON.parse(await exported(doc, 'json'))
    const readable = JSON.stringify(backup.content)
    expect(readable).toContain(SEED.principles[0]!)
    expect(readable).not.toContain('Weggehaald uitgangspunt')
    expect(readable).not.toContain('Weggehaald actiepunt')
  })
})
