import {
  ACTION_STATUS_LABELS,
  BUILDING_BLOCK_LABELS,
  listActions,
  listPrinciples,
  listSections,
  principleProvenance,
  readMeta,
  SECTOR_LABELS,
  valueLabel,
} from '@koers/doc-model'
import type * as Y from 'yjs'
import { LABELS } from '../labels.ts'
import type { ExportOptions } from '../options.ts'
import { formatDay, formatIsoDate, shorten } from './format.ts'
import { sectionBodyNode } from './sectionBody.ts'
import { toBlocks } from './toBlocks.ts'
import { readTrail } from './trail.ts'
import type { ExportDocument, ExportPrinciple, ExportSection, Part } from './types.ts'

const PARTS: readonly Part[] = ['principles', 'actions']
/** The template section (by `templateKey`) that holds each part. */
const PART_SECTION: Readonly<Record<Part, string>> = {
  principles: 'uitgangspunten',
  actions: 'actiepunten',
}

function participantCount(value: number | undefined): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null
}

/** Reads the document once, through doc-model's readers, into what every export shows. */
export function buildModel(doc: Y.Doc, options: ExportOptions): ExportDocument {
  const lang = options.lang === 'en' ? 'en' : 'nl'
  const labels = LABELS[lang]
  const meta = readMeta(doc)
  const { status, trail } = readTrail(doc, lang, labels)

  const visible = listSections(doc)
  const home = (part: Part) => visible.findIndex((s) => s.templateKey === PART_SECTION[part])
  const sections: ExportSection[] = visible.map((section, i) => ({
    number: i + 1,
    title: section.title.trim() || labels.untitledSection,
    questions: options.questions ? section.questions : [],
    blocks: toBlocks(sectionBodyNode(doc, section.id)),
    parts: PARTS.filter((part) => home(part) === i),
  }))

  const principleNumbers = new Map<string, string>()
  const principles: ExportPrinciple[] = listPrinciples(doc).map((principle, i) => {
    const statement = principle.statement.trim()
    principleNumbers.set(principle.id, `${i + 1}. ${shorten(statement, 60)}`)
    return {
      number: i + 1,
      statement,
      rationale: principle.rationale.trim(),
      values: principle.values.map((value) => valueLabel(value, lang)),
      buildingBlocks: principle.buildingBlocks.map((block) => BUILDING_BLOCK_LABELS[block][lang]),
      provenance: principleProvenance(doc, principle.id).trim(),
    }
  })

  const actions = listActions(doc).map((action) => ({
    what: action.what.trim(),
    owner: action.owner.trim(),
    due: formatIsoDate(action.due, labels),
    status: ACTION_STATUS_LABELS[action.status][lang],
    principle: principleNumbers.get(action.principleId) ?? '',
  }))

  return {
    lang,
    labels,
    title: meta.title.trim() || labels.untitled,
    school: meta.school.trim(),
    sector: meta.sector === '' ? '' : SECTOR_LABELS[meta.sector][lang],
    period: meta.period.trim(),
    reviewDate: formatIsoDate(meta.reviewDate, labels),
    status,
    trail,
    exportedOn: formatDay(options.now ?? new Date(), labels),
    sections,
    trailingParts: PARTS.filter((part) => home(part) === -1),
    principles,
    actions,
    appendix: options.appendix
      ? {
          participants: participantCount(options.participants),
          provenance: principles
            .filter((p) => p.provenance !== '')
            .map((p) => ({ principle: `${p.number}. ${p.statement}`, provenance: p.provenance })),
          trail,
        }
      : null,
  }
}
