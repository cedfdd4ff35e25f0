import {
  ADOPTION_STEP_LABELS,
  ADOPTION_STEPS,
  readAdoption,
  type AdoptionStep,
  type Language,
} from '@koers/doc-model'
import type * as Y from 'yjs'
import type { Labels } from '../labels.ts'
import { formatIsoDate } from './format.ts'
import type { TrailEntry } from './types.ts'

export interface AdoptionTrail {
  status: AdoptionStep
  /** Every step taken, going back included, in order, with its date (YYYY-MM-DD or '') and note. */
  steps: { step: AdoptionStep; date: string; note: string }[]
}

/**
 * The adoption status and trail, read through doc-model's adoption reader: the one place in
 * the export that knows the trail's shape (the backup and every format use it).
 */
export function adoptionTrail(doc: Y.Doc): AdoptionTrail {
  const adoption = readAdoption(doc)
  // The append-only history (DM-17); documents from before it hold one record per step.
  const steps =
    adoption.history.length > 0
      ? adoption.history.map(({ step, date, note }) => ({ step, date, note }))
      : ADOPTION_STEPS.flatMap((step) => {
          const record = adoption.steps[step]
          return record ? [{ step, date: record.date, note: record.note }] : []
        })
  return { status: adoption.status, steps }
}

/** The trail in the export's language, dates as people read them. */
export function readTrail(
  doc: Y.Doc,
  lang: Language,
  labels: Labels,
): { status: string; trail: TrailEntry[] } {
  const { status, steps } = adoptionTrail(doc)
  return {
    status: ADOPTION_STEP_LABELS[status][lang],
    trail: steps.map((entry) => ({
      step: ADOPTION_STEP_LABELS[entry.step][lang],
      date: formatIsoDate(entry.date, labels),
      note: entry.note.trim(),
    })),
  }
}
