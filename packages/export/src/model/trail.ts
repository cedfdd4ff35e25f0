import { ADOPTION_STEP_LABELS, ADOPTION_STEPS, readAdoption, type Language } from '@koers/doc-model'
import type * as Y from 'yjs'
import type { Labels } from '../labels.ts'
import { formatIsoDate } from './format.ts'
import type { TrailEntry } from './types.ts'

/**
 * The status and the steps of the adoption trail that were reached, in order, read through
 * doc-model's adoption reader. The one place that knows the trail's shape.
 */
export function readTrail(
  doc: Y.Doc,
  lang: Language,
  labels: Labels,
): { status: string; trail: TrailEntry[] } {
  const adoption = readAdoption(doc)
  const trail: TrailEntry[] = []
  for (const step of ADOPTION_STEPS) {
    const record = adoption.steps[step]
    if (!record) continue
    trail.push({
      step: ADOPTION_STEP_LABELS[step][lang],
      date: formatIsoDate(record.date, labels),
      note: record.note.trim(),
    })
  }
  return { status: ADOPTION_STEP_LABELS[adoption.status][lang], trail }
}
