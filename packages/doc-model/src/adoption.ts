import * as Y from 'yjs'
import { Root } from './roots.ts'
import { readMap, readNumber, readString } from './read.ts'
import { ADOPTION_STEPS, isAdoptionStep, isIsoDate, type AdoptionStep } from './vocabulary.ts'

export interface AdoptionStepRecord {
  date: string
  note: string
}

/** One step of the adoption history (DM-17): appended, never changed or removed. */
export interface AdoptionEntry extends AdoptionStepRecord {
  step: AdoptionStep
  /** Who set it; only facilitators may (PERM-4). */
  role: 'facilitator'
  /** When it was recorded (ms since epoch). */
  at: number
}

export interface AdoptionView {
  /** The current step: what scripts and exports read. */
  status: AdoptionStep
  /** The latest record of each step reached. */
  steps: Record<AdoptionStep, AdoptionStepRecord | null>
  /** Every step taken, including going back, oldest first. */
  history: AdoptionEntry[]
}

const TRAIL = 'trail'

function readEntry(value: unknown): AdoptionEntry | null {
  if (!(value instanceof Y.Map)) return null
  const entry = value as Y.Map<unknown>
  const step = entry.get('step')
  const date = entry.get('date')
  if (!isAdoptionStep(step)) return null
  return {
    step,
    date: isIsoDate(date) ? date : '',
    note: readString(entry, 'note'),
    role: 'facilitator',
    at: readNumber(entry, 'at'),
  }
}

export function readAdoption(doc: Y.Doc): AdoptionView {
  const adoption = doc.getMap<unknown>(Root.adoption)
  const status = adoption.get('status')
  const trail = adoption.get(TRAIL)
  const history =
    trail instanceof Y.Array
      ? trail.toArray().flatMap((value) => readEntry(value) ?? [])
      : ([] as AdoptionEntry[])
  const steps = {} as Record<AdoptionStep, AdoptionStepRecord | null>
  for (const step of ADOPTION_STEPS) {
    // Documents from before the history kept one record per step.
    const record = readMap(adoption, step)
    const date = record?.get('date')
    steps[step] = record
      ? { date: isIsoDate(date) ? date : '', note: readString(record, 'note') }
      : null
  }
  for (const { step, date, note } of history) steps[step] = { date, note }
  return { status: isAdoptionStep(status) ? status : 'concept', steps, history }
}

/** The vision is adopted: editors may no longer change it (PERM-9). */
export function isAdopted(doc: Y.Doc): boolean {
  // The server asks before every update a person sends: the status alone, not the history.
  return doc.getMap<unknown>(Root.adoption).get('status') === 'vastgesteld'
}

/**
 * Set the status and append the step to the history (facilitators only; the server reverts
 * editor writes to this root, and any change to an entry already in the history). Going back,
 * for example from `mr` to `teambespreking`, is a step of its own. `date` is YYYY-MM-DD or ''.
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
    let trail = adoption.get(TRAIL)
    if (!(trail instanceof Y.Array)) {
      trail = new Y.Array<unknown>()
      adoption.set(TRAIL, trail)
    }
    const entry = new Y.Map<unknown>()
    entry.set('step', status)
    entry.set('date', step.date)
    entry.set('note', step.note)
    entry.set('role', 'facilitator')
    entry.set('at', Date.now())
    ;(trail as Y.Array<unknown>).push([entry])
  })
}

/** An empty history, created with the workspace so two facilitators never both create it. */
export function createAdoptionTrail(adoption: Y.Map<unknown>): void {
  adoption.set(TRAIL, new Y.Array<unknown>())
}
