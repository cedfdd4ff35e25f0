import { createWorkspaceDoc, listSections, removeSection, updateMeta } from '@koers/doc-model'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { EXPORT_FORMATS, exportWorkspace, type ExportFormat, type ExportOptions } from './index.ts'
import { SEED, seedVision } from './testing/seedVision.ts'

const options: ExportOptions = { lang: 'nl', questions: false, appendix: false }

async function markdown(doc: Y.Doc, opts: ExportOptions = options): Promise<string> {
  return new TextDecoder().decode((await exportWorkspace(doc, 'md', opts)).bytes)
}

describe('exportWorkspace', () => {
  it('EXP-1 gives each format its content type, extension and a readable file name', async () => {
    const doc = seedVision()
    const expected: Record<ExportFormat, string> = {
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      pdf: 'application/pdf',
      md: 'text/markdown; charset=utf-8',
      html: 'text/html; charset=utf-8',
      json: 'application/json',
    }
    for (const format of EXPORT_FORMATS) {
      const result = await exportWorkspace(doc, format, options)
      expect(result.contentType).toBe(expected[format])
      expect(result.extension).toBe(format)
      expect(result.filename).toBe(`visie-op-digitalisering-de-regenboog.${format}`)
    }
  })

  it('EXP-1 makes an ASCII name of any title, and never an empty one', async () => {
    const name = async (title: string, school: string, lang: 'nl' | 'en' = 'nl') => {
      const doc = new Y.Doc()
      createWorkspaceDoc(doc, { title, school })
      return (await exportWorkspace(doc, 'md', { ...options, lang })).filename
    }
    expect(await name('Visie op digitalisering – De Regenboog', 'De Regenboog')).toBe(
      'visie-op-digitalisering-de-regenboog.md',
    )
    expect(await name('Geïntegreerde visie “één” 2025/2029', 'Cbs ’t Palet')).toBe(
      'geintegreerde-visie-een-2025-2029-cbs-t-palet.md',
    )
    expect(await name('', '')).toBe('visie-op-digitalisering.md')
    expect(await name('✨🚀', '')).toBe('visie-op-digitalisering.md')
    expect(await name('', '', 'en')).toBe('vision-on-digitalisation.md')
    expect((await name('a'.repeat(200), '')).length).toBeLessThanOrEqual(83)
  })

  it('EXP-1 reads only: the document is byte for byte the same after every export', async () => {
    const doc = seedVision()
    const before = Y.encodeStateAsUpdate(doc)
    for (const format of EXPORT_FORMATS) await exportWorkspace(doc, format, options)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('EXP-1 refuses an unknown format', async () => {
    await expect(exportWorkspace(seedVision(), 'odt' as ExportFormat, options)).rejects.toThrow(
      RangeError,
    )
  })

  it('EXP-3 gives the principles and actions their own heading when their section was removed', async () => {
    const doc = seedVision()
    for (const section of listSections(doc)) {
      if (['uitgangspunten', 'actiepunten'].includes(section.templateKey)) {
        removeSection(doc, section.id)
      }
    }
    const md = await markdown(doc)
    expect(md).not.toContain('. Uitgangspunten')
    expect(md).toContain('- [Uitgangspunten](#uitgangspunten)\n- [Actiepunten](#actiepunten)')
    const principles = md.indexOf('\n## Uitgangspunten\n')
    const actions = md.indexOf('\n## Actiepunten\n')
    expect(principles).toBeGreaterThan(md.indexOf('## 10. Borging'))
    expect(actions).toBeGreaterThan(principles)
    expect(md.indexOf(`**${SEED.principles[0]}**`)).toBeGreaterThan(principles)
  })

  it('EXP-3 says so when there are no principles or actions yet, and titles an untitled workspace', async () => {
    const doc = new Y.Doc()
    createWorkspaceDoc(doc, { title: '', school: '' })
    updateMeta(doc, { title: '' })
    const md = await markdown(doc)
    expect(md.startsWith('# Visie op digitalisering\n')).toBe(true)
    expect(md).toContain('Er zijn nog geen uitgangspunten.')
    expect(md).toContain('Er zijn nog geen actiepunten.')
    const english = await markdown(doc, { ...options, lang: 'en' })
    expect(english).toContain('There are no guiding principles yet.')
  })
})
