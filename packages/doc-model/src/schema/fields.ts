import {
  BOARD_CARD_TEXT_MAX,
  CLUSTER_NAME_MAX,
  CONSENT_NOTE_CHOICES,
  CONSENT_NOTE_MAX,
  ROUND_KIND_VALUES,
  ROUND_QUESTION_MAX,
  ROUND_STATUS_VALUES,
} from '../rounds/roundVocabulary.ts'
import { PHASE_FORMATS } from '../studyDay/phaseFormat.ts'
import { TIMER_STATUSES } from '../studyDay/timer.ts'
import {
  ACTION_STATUSES,
  ADOPTION_STEPS,
  BUILDING_BLOCKS,
  LANGUAGES,
  SECTORS,
} from '../vocabulary.ts'

/**
 * The shape of every root except the section bodies (DM-16): which fields a map may hold and of
 * which type. The server refuses a change that leaves the document outside it; readers stay
 * tolerant (DM-11) for documents written before a rule existed.
 */
export type FieldSpec =
  | { kind: 'string'; max: number; values?: readonly string[] }
  | { kind: 'date' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  /** A Y.Text of plain text (no formatting, no embeds); legacy documents may hold a string. */
  | { kind: 'text'; max: number }
  /** A Y.Map used as a set: keys up to `keyMax` characters, values `true`. */
  | { kind: 'flags'; keyMax: number; maxEntries: number }
  | { kind: 'record'; fields: Readonly<Record<string, FieldSpec>> }
  /** A Y.Map of id → record (sections, principles, actions). */
  | { kind: 'collection'; item: Readonly<Record<string, FieldSpec>>; maxEntries: number }
  /** An append-only Y.Array of records. */
  | { kind: 'log'; entry: Readonly<Record<string, FieldSpec>>; maxEntries: number }

export type RecordFields = Readonly<Record<string, FieldSpec>>

const text = (max: number): FieldSpec => ({ kind: 'text', max })
const string = (max: number, values?: readonly string[]): FieldSpec =>
  values ? { kind: 'string', max, values } : { kind: 'string', max }
const RANK: FieldSpec = string(64)
const TAGS: FieldSpec = { kind: 'flags', keyMax: 80, maxEntries: 100 }

const orEmpty = (values: readonly string[]): readonly string[] => ['', ...values]

export const SECTION_FIELDS: RecordFields = {
  title: text(300),
  rank: RANK,
  buildingBlock: string(64, orEmpty(BUILDING_BLOCKS)),
  questions: text(5_000),
  templateKey: string(64),
  removed: { kind: 'boolean' },
}

export const PRINCIPLE_FIELDS: RecordFields = {
  statement: text(2_000),
  rationale: text(10_000),
  values: TAGS,
  buildingBlocks: TAGS,
  rank: RANK,
  createdAt: { kind: 'number' },
  provenance: string(2_000),
  removed: { kind: 'boolean' },
}

export const ACTION_FIELDS: RecordFields = {
  what: text(2_000),
  owner: text(300),
  due: { kind: 'date' },
  status: string(16, ACTION_STATUSES),
  principleId: string(64),
  rank: RANK,
  removed: { kind: 'boolean' },
  provenance: string(2_000),
}

/** One phase of the study day's agenda (STUDY-1), an item of `session.agenda`. */
export const PHASE_FIELDS: RecordFields = {
  title: text(200),
  rank: RANK,
  minutes: { kind: 'number' },
  sections: { kind: 'flags', keyMax: 64, maxEntries: 500 },
  format: string(32, PHASE_FORMATS),
  notes: text(5_000),
  spentMs: { kind: 'number' },
}

/** A revealed brainstorm card (ROUND-4), an item of `board.cards`: no author, ever. */
export const BOARD_CARD_FIELDS: RecordFields = {
  text: string(BOARD_CARD_TEXT_MAX),
  roundId: string(64),
  /** The id of its cluster in `board.clusters`; '' when not grouped. */
  cluster: string(64),
  rank: RANK,
}

/** A named group of cards (ROUND-5), an item of `board.clusters`. */
export const BOARD_CLUSTER_FIELDS: RecordFields = {
  name: text(CLUSTER_NAME_MAX),
  roundId: string(64),
  rank: RANK,
}

/** The result of one item of a revealed vote or consent round (ROUND-9, ROUND-11). */
export const ROUND_RESULT_FIELDS: RecordFields = {
  dots: { kind: 'number' },
  consent: { kind: 'number' },
  concern: { kind: 'number' },
  objection: { kind: 'number' },
  notes: {
    kind: 'log',
    entry: { choice: string(16, CONSENT_NOTE_CHOICES), text: string(CONSENT_NOTE_MAX) },
    maxEntries: 3_000,
  },
}

/** A round's public state (ROUND-1), an item of `session.rounds`; written by the server only. */
export const ROUND_FIELDS: RecordFields = {
  kind: string(16, ROUND_KIND_VALUES),
  status: string(16, ROUND_STATUS_VALUES),
  question: string(ROUND_QUESTION_MAX),
  phaseId: string(64),
  /** The vote's or consent round's items in their order: `{ id }` entries. */
  items: { kind: 'log', entry: { id: string(64) }, maxEntries: 200 },
  dotsPerPerson: { kind: 'number' },
  maxPerItem: { kind: 'number' },
  rerunOf: string(64),
  createdAt: { kind: 'number' },
  revealedAt: { kind: 'number' },
  /** People who took part so far, and cards written so far: counts, never content. */
  participants: { kind: 'number' },
  cards: { kind: 'number' },
  /** Item id → result, written at the reveal. */
  results: { kind: 'collection', item: ROUND_RESULT_FIELDS, maxEntries: 200 },
}

const ADOPTION_STEP_FIELDS: RecordFields = { date: { kind: 'date' }, note: string(2_000) }

/** One entry of the adoption history (DM-17): appended, never changed. */
export const ADOPTION_ENTRY_FIELDS: RecordFields = {
  step: string(32, ADOPTION_STEPS),
  date: { kind: 'date' },
  note: string(2_000),
  role: string(32, ['facilitator']),
  at: { kind: 'number' },
}

/** Every root except the section bodies (DM-16). */
export const ROOT_SPECS: Readonly<Record<string, FieldSpec>> = {
  meta: {
    kind: 'record',
    fields: {
      title: text(300),
      school: text(300),
      sector: string(8, orEmpty(SECTORS)),
      language: string(8, LANGUAGES),
      period: text(300),
      reviewDate: { kind: 'date' },
      templateId: string(64),
      templateVersion: { kind: 'number' },
      schemaVersion: { kind: 'number' },
      createdAt: { kind: 'number' },
      customValues: TAGS,
    },
  },
  adoption: {
    kind: 'record',
    fields: {
      status: string(32, ADOPTION_STEPS),
      trail: { kind: 'log', entry: ADOPTION_ENTRY_FIELDS, maxEntries: 1_000 },
      // Written by documents from before the history existed: the last record per step.
      ...Object.fromEntries(
        ADOPTION_STEPS.map((step): [string, FieldSpec] => [
          step,
          { kind: 'record', fields: ADOPTION_STEP_FIELDS },
        ]),
      ),
    },
  },
  sections: { kind: 'collection', item: SECTION_FIELDS, maxEntries: 500 },
  principles: { kind: 'collection', item: PRINCIPLE_FIELDS, maxEntries: 1_000 },
  actions: { kind: 'collection', item: ACTION_FIELDS, maxEntries: 1_000 },
  session: {
    kind: 'record',
    fields: {
      paused: { kind: 'boolean' },
      locks: { kind: 'flags', keyMax: 64, maxEntries: 500 },
      // STUDY-1 … STUDY-6: the agenda, where the day is, the shared timer, the follow target.
      agenda: { kind: 'collection', item: PHASE_FIELDS, maxEntries: 100 },
      current: string(64),
      currentSince: { kind: 'number' },
      dayStartedAt: { kind: 'number' },
      timer: {
        kind: 'record',
        fields: {
          status: string(16, TIMER_STATUSES),
          durationMs: { kind: 'number' },
          startedAt: { kind: 'number' },
          elapsedMs: { kind: 'number' },
        },
      },
      follow: {
        kind: 'record',
        fields: { on: { kind: 'boolean' }, tab: string(32), section: string(64) },
      },
      // ROUND-1: participation rounds, their counts and results (docs/rounds.md).
      rounds: { kind: 'collection', item: ROUND_FIELDS, maxEntries: 500 },
    },
  },
  // ROUND-4, ROUND-5: revealed cards and the groups the team makes of them.
  board: {
    kind: 'record',
    fields: {
      cards: { kind: 'collection', item: BOARD_CARD_FIELDS, maxEntries: 10_000 },
      clusters: { kind: 'collection', item: BOARD_CLUSTER_FIELDS, maxEntries: 2_000 },
    },
  },
}

/** Longest id of an item in a collection. */
export const MAX_ID_LENGTH = 64

/** Roots whose map is a collection of id → item. */
export const COLLECTION_ROOTS: ReadonlySet<string> = new Set(
  Object.entries(ROOT_SPECS).flatMap(([root, spec]) => (spec.kind === 'collection' ? [root] : [])),
)
