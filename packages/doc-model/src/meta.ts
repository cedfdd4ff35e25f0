import * as Y from 'yjs'
import { Root } from './roots.ts'
import { readMap, readNumber, readString, readText, readTextString } from './read.ts'
import { writeTextField } from './textFields.ts'
import {
  DEFAULT_VALUES,
  isIsoDate,
  isLanguage,
  isSector,
  VALUE_LABELS,
  type Language,
  type Sector,
} from './vocabulary.ts'

export interface WorkspaceMeta {
  title: string
  school: string
  sector: Sector | ''
  language: Language
  period: string
  reviewDate: string
  templateId: string
  templateVersion: number
  schemaVersion: number
}

export type MetaPatch = Partial<
  Omit<WorkspaceMeta, 'templateId' | 'templateVersion' | 'schemaVersion'>
>

const CUSTOM_VALUES = 'customValues'
const TEXT_FIELDS = ['title', 'school', 'period'] as const
const FIELDS = ['sector', 'language', 'reviewDate'] as const

/** A free-text field of the workspace details. */
export type MetaTextField = (typeof TEXT_FIELDS)[number]

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(Root.meta)
}

export function readMeta(doc: Y.Doc): WorkspaceMeta {
  const meta = metaMap(doc)
  const sector = meta.get('sector')
  const language = meta.get('language')
  const reviewDate = meta.get('reviewDate')
  return {
    title: readTextString(meta, 'title'),
    school: readTextString(meta, 'school'),
    sector: isSector(sector) ? sector : '',
    language: isLanguage(language) ? language : 'nl',
    period: readTextString(meta, 'period'),
    reviewDate: isIsoDate(reviewDate) ? reviewDate : '',
    templateId: readString(meta, 'templateId'),
    templateVersion: readNumber(meta, 'templateVersion'),
    schemaVersion: readNumber(meta, 'schemaVersion'),
  }
}

/** A free-text meta field as collaborative text; undefined on an old document (a string). */
export function metaText(doc: Y.Doc, field: MetaTextField): Y.Text | undefined {
  return readText(metaMap(doc), field)
}

/** When the workspace document was created (ms since epoch), or null if unknown. */
export function readCreatedAt(doc: Y.Doc): number | null {
  const value = metaMap(doc).get('createdAt')
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** Write the given meta fields. Throws a RangeError on an unknown language or sector or a bad date. */
export function updateMeta(doc: Y.Doc, patch: MetaPatch): void {
  if (patch.language !== undefined && !isLanguage(patch.language)) {
    throw new RangeError(`Unknown language: ${String(patch.language)}`)
  }
  if (patch.sector !== undefined && patch.sector !== '' && !isSector(patch.sector)) {
    throw new RangeError(`Unknown sector: ${String(patch.sector)}`)
  }
  if (patch.reviewDate !== undefined && patch.reviewDate !== '' && !isIsoDate(patch.reviewDate)) {
    throw new RangeError(`Review date is not YYYY-MM-DD: ${patch.reviewDate}`)
  }
  const meta = metaMap(doc)
  doc.transact(() => {
    for (const key of TEXT_FIELDS) {
      const value = patch[key]
      if (value !== undefined) writeTextField(meta, key, value)
    }
    for (const key of FIELDS) {
      const value = patch[key]
      if (value !== undefined && meta.get(key) !== value) meta.set(key, value)
    }
  })
}

/** The team's own values (keys of the `customValues` set in meta), sorted. */
export function customValues(doc: Y.Doc): string[] {
  const set = readMap(metaMap(doc), CUSTOM_VALUES)
  if (!set) return []
  const values: string[] = []
  set.forEach((value, key) => {
    if (value === true) values.push(key)
  })
  return values.sort((a, b) => a.localeCompare(b, 'nl'))
}

/** Default values followed by the team's own values: every value a principle can be tagged with. */
export function allValues(doc: Y.Doc): string[] {
  const custom = customValues(doc).filter((value) => !DEFAULT_VALUES.includes(value))
  return [...DEFAULT_VALUES, ...custom]
}

/**
 * Add a team value and return the value to tag with. The label is trimmed and its whitespace
 * collapsed; a label that names a default value (its key or a label in either language, any
 * case) returns that default value and stores nothing. An empty label returns ''.
 */
export function addCustomValue(doc: Y.Doc, label: string): string {
  const value = label.trim().replace(/\s+/g, ' ')
  if (value === '') return ''
  const lower = value.toLowerCase()
  for (const known of DEFAULT_VALUES) {
    const labels = VALUE_LABELS[known]
    const names = [known, labels?.nl ?? '', labels?.en ?? ''].map((n) => n.toLowerCase())
    if (names.includes(lower)) return known
  }
  const existing = customValues(doc).find((v) => v.toLowerCase() === lower)
  if (existing !== undefined) return existing
  const meta = metaMap(doc)
  doc.transact(() => {
    let set = readMap(meta, CUSTOM_VALUES)
    if (!set) {
      set = new Y.Map<unknown>()
      meta.set(CUSTOM_VALUES, set)
    }
    set.set(value, true)
  })
  return value
}

/** Remove a team value and untag it from every principle, in one transaction. */
export function removeCustomValue(doc: Y.Doc, value: string): void {
  const set = readMap(metaMap(doc), CUSTOM_VALUES)
  doc.transact(() => {
    if (set?.has(value)) set.delete(value)
    doc.getMap<unknown>(Root.principles).forEach((principle) => {
      if (!(principle instanceof Y.Map)) return
      const values = readMap(principle as Y.Map<unknown>, 'values')
      if (values?.has(value)) values.delete(value)
    })
  })
}
