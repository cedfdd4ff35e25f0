import * as Y from 'yjs'
import { Root } from './roots.ts'
import { readMap, readString } from './read.ts'
import { ADOPTION_STEPS, isAdoptionStep, isIsoDate, type AdoptionStep } from './vocabulary.ts'

export interface AdoptionStepRecord {
  date: string
  note: string
}

export interface AdoptionView {
  status: AdoptionStep
  steps: Record<AdoptionStep, AdoptionStepRecord | null>
}

export function readAdoption(doc: Y.Doc): AdoptionView {
  const adoption = doc.getMap<unknown>(Root.adoption)
  const status = adoption.get('status')
  const steps = {} as Record<AdoptionStep, AdoptionStepRecord | null>
  for (const step of ADOPTION_STEPS) {
    const record = readMap(adoption, step)
    const date = record?.get('date')
    steps[step] = record
      ? { date: isIsoDate(date) ? date : '', note: readString(record, 'note') }
      : null
  }
  return { status: isAdoptionStep(status) ? status : 'concept', steps }
}

/**
 * Set the status and record the date and note of that step (facilitators only; the server
 * reverts editor writes to this root). Earlier and later steps stay in the trail, so moving
 * back (for example from `mr` to `teambespreking`) keeps the history. `date` is YYYY-MM-DD or ''.
 */
export function setAdoptionStatus(
  doc: Y.Doc,
  status: AdoptionStep,
  step: AdoptionStepRecord,
): void {
  if (!isAdoptionStep(status)) throw new RangeError(`Unknown adoption step: ${String(status)}`)
  if (step.date !== '' && !isIsoDate(step.date)) {
    throw new RangeError(`Adoption date is not YYYY-MM-DD: ${step.date}`)
  }
  const adoption = doc.getMap<unknown>(Root.adoption)
  doc.transact(() => {
    adoption.set('status', status)
    let record = readMap(adoption, status)
    if (!record) {
      record = new Y.Map<unknown>()
      adoption.set(status, record)
    }
    record.set('date', step.date)
    record.set('note', step.note)
  })
}
