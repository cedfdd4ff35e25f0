import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { readAdoption } from '../adoption.ts'
import { customValues, readCreatedAt, readMeta } from '../meta.ts'
import { SCHEMA_VERSION } from '../roots.ts'
import { listSections, sectionQuestionsText } from '../sections.ts'
import { createWorkspaceDoc } from './createWorkspaceDoc.ts'
import { DEFAULT_TEMPLATE } from './defaultTemplate.ts'

describe('default template', () => {
  it('has the 13 sections of TEMPLATE.md with 3 or 4 questions in both languages', () => {
    expect(DEFAULT_TEMPLATE.sections).toHaveLength(13)
    expect(new Set(DEFAULT_TEMPLATE.sections.map((s) => s.key)).size).toBe(13)
    for (const section of DEFAULT_TEMPLATE.sections) {
      expect(section.questions.nl.length).toBeGreaterThanOrEqual(3)
      expect(section.questions.en).toHaveLength(section.questions.nl.length)
      for (const q of [...section.questions.nl, ...section.questions.en]) {
        expect(q).toMatch(/^\S.*[?.]$/)
        expect(q).not.toContain('\n') // stored one per line
      }
    }
    const first = DEFAULT_TEMPLATE.sections[0]!
    expect(first.title).toEqual({ nl: 'Aanleiding en doel', en: 'Context and purpose' })
    expect(DEFAULT_TEMPLATE.sections[8]!.buildingBlock).toBe('ict-infrastructuur')
  })
})

// shared/domain/TEMPLATE.md lives beside the repository (not in it); check it when present.
const templateMd = fileURLToPath(
  new URL('../../../../../shared/domain/TEMPLATE.md', import.meta.url),
)

describe.skipIf(!existsSync(templateMd))('default template against TEMPLATE.md', () => {
  it('has every section title and guiding question word for word, in order', () => {
    const md = readFileSync(templateMd, 'utf8').split('## Sections')[1]!.split('## Values')[0]!
    const titles = [...md.matchAll(/^\d+\. \*\*(.+?)\*\* \/ (.+?)(?: \(building block: .+\))?$/gm)]
    expect(titles.map((m) => ({ nl: m[1], en: m[2] }))).toEqual(
      DEFAULT_TEMPLATE.sections.map((s) => s.title),
    )
    const questions = (lang: 'NL' | 'EN') =>
      [...md.matchAll(new RegExp(`^\\s+- ${lang}: (.+)$`, 'gm'))].map((m) => m[1])
    expect(questions('NL')).toEqual(DEFAULT_TEMPLATE.sections.flatMap((s) => s.questions.nl))
    expect(questions('EN')).toEqual(DEFAULT_TEMPLATE.sections.flatMap((s) => s.questions.en))
  })
})

describe('createWorkspaceDoc', () => {
  it('DM-8: creates meta, adoption and the 13 Dutch sections in order, in one transaction', () => {
    const doc = new Y.Doc()
    let updates = 0
    doc.on('update', () => updates++)
    createWorkspaceDoc(doc, { title: 'Onze koers', school: 'De Regenboog' })
    expect(updates).toBe(1)

    expect(readMeta(doc)).toEqual({
      title: 'Onze koers',
      school: 'De Regenboog',
      sector: '',
      language: 'nl',
      period: '',
      reviewDate: '',
      templateId: 'visie-op-digitalisering',
      templateVersion: 1,
      schemaVersion: SCHEMA_VERSION,
    })
    expect(readCreatedAt(doc)).toBeTypeOf('number')
    expect(customValues(doc)).toEqual([])
    expect(readAdoption(doc).status).toBe('concept')

    const sections = listSections(doc)
    expect(sections.map((s) => s.templateKey)).toEqual(DEFAULT_TEMPLATE.sections.map((s) => s.key))
    expect(sections.map((s) => s.title)).toEqual(DEFAULT_TEMPLATE.sections.map((s) => s.title.nl))
    sections.forEach((section, i) => {
      expect(section.questions).toEqual(DEFAULT_TEMPLATE.sections[i]!.questions.nl)
      expect(section.buildingBlock).toBe(DEFAULT_TEMPLATE.sections[i]!.buildingBlock ?? '')
      expect(sectionQuestionsText(doc, section.id)).toBeInstanceOf(Y.Text)
    })
    expect(sections[3]!.title).toBe('Waar staan we nu?')
    expect(sections[3]!.questions).toHaveLength(4)
  })

  it('DM-8: creates English sections for an English workspace', () => {
    const doc = new Y.Doc()
    createWorkspaceDoc(doc, { title: 'Our course', school: 'The Rainbow', language: 'en' })
    const sections = listSections(doc)
    expect(readMeta(doc).language).toBe('en')
    expect(sections.map((s) => s.title)).toEqual(DEFAULT_TEMPLATE.sections.map((s) => s.title.en))
    expect(sections[12]!.questions).toEqual(DEFAULT_TEMPLATE.sections[12]!.questions.en)
  })

  it('DM-8: leaves an already created document untouched', () => {
    const doc = new Y.Doc()
    createWorkspaceDoc(doc, { title: 'Eerste', school: 'A' })
    createWorkspaceDoc(doc, { title: 'Tweede', school: 'B' })
    expect(listSections(doc)).toHaveLength(13)
    expect(readMeta(doc).title).toBe('Eerste')
  })

  it('DM-8: survives a round trip through an update', () => {
    const doc = new Y.Doc()
    createWorkspaceDoc(doc, { title: 'Koers', school: 'Het Baken' })
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    expect(listSections(copy)).toEqual(listSections(doc))
    expect(readMeta(copy)).toEqual(readMeta(doc))
  })
})
