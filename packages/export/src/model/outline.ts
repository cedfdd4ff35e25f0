import type { ExportDocument, Part } from './types.ts'

export interface OutlineEntry {
  /** A stable anchor id (HTML ids, PDF and Word bookmarks). */
  id: string
  title: string
}

export function sectionAnchor(number: number): string {
  return `section-${number}`
}

export function partTitle(model: ExportDocument, part: Part): string {
  return part === 'principles' ? model.labels.principles : model.labels.actions
}

export function sectionHeading(number: number, title: string): string {
  return `${number}. ${title}`
}

/** The entries of the table of contents: sections, parts without a section, the appendix. */
export function outline(model: ExportDocument): OutlineEntry[] {
  return [
    ...model.sections.map((s) => ({
      id: sectionAnchor(s.number),
      title: sectionHeading(s.number, s.title),
    })),
    ...model.trailingParts.map((part) => ({ id: part, title: partTitle(model, part) })),
    ...(model.appendix ? [{ id: 'appendix', title: model.labels.appendix }] : []),
  ]
}

/** The tag line of a principle: "Waarden: A, B · Bouwstenen: C", '' without tags. */
export function tagLine(
  model: ExportDocument,
  principle: { values: string[]; buildingBlocks: string[] },
): string {
  const parts: string[] = []
  if (principle.values.length > 0)
    parts.push(`${model.labels.values}: ${principle.values.join(', ')}`)
  if (principle.buildingBlocks.length > 0) {
    parts.push(`${model.labels.buildingBlocks}: ${principle.buildingBlocks.join(', ')}`)
  }
  return parts.join(' · ')
}

export interface CoverFact {
  key: 'sector' | 'period' | 'status' | 'reviewDate' | 'exportedOn'
  label: string
  value: string
}

/** Cover facts, empty ones left out (the school is the cover's subtitle). */
export function coverFacts(model: ExportDocument): CoverFact[] {
  const { labels } = model
  const facts: CoverFact[] = [
    { key: 'sector', label: labels.sector, value: model.sector },
    { key: 'period', label: labels.period, value: model.period },
    { key: 'status', label: labels.status, value: model.status },
    { key: 'reviewDate', label: labels.reviewDate, value: model.reviewDate },
    { key: 'exportedOn', label: labels.exportedOn, value: model.exportedOn },
  ]
  return facts.filter((fact) => fact.value !== '')
}

/** "Concept: 3 maart 2026" for each step of the trail that was reached. */
export function trailLines(model: ExportDocument): string[] {
  return model.trail.map((entry) => (entry.date ? `${entry.step}: ${entry.date}` : entry.step))
}
