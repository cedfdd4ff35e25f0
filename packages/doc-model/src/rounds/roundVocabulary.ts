// The words of participation rounds in the document (docs/rounds.md). `@koers/protocol` has the
// same lists for the API (`ROUND_KINDS`, …); the server checks at compile time that they agree.

export const ROUND_KIND_VALUES = ['brainstorm', 'vote', 'consent'] as const
export type RoundKindValue = (typeof ROUND_KIND_VALUES)[number]

export const ROUND_STATUS_VALUES = ['open', 'revealed'] as const
export type RoundStatusValue = (typeof ROUND_STATUS_VALUES)[number]

/** Choices that may carry a note in a consent round. */
export const CONSENT_NOTE_CHOICES = ['concern', 'objection'] as const
export type ConsentNoteChoice = (typeof CONSENT_NOTE_CHOICES)[number]

/** Lengths the document schema allows (the API refuses longer input before it gets here). */
export const BOARD_CARD_TEXT_MAX = 500
export const CLUSTER_NAME_MAX = 100
export const ROUND_QUESTION_MAX = 300
export const CONSENT_NOTE_MAX = 280

export const isRoundKind = (value: unknown): value is RoundKindValue =>
  typeof value === 'string' && (ROUND_KIND_VALUES as readonly string[]).includes(value)

export const isRoundStatus = (value: unknown): value is RoundStatusValue =>
  typeof value === 'string' && (ROUND_STATUS_VALUES as readonly string[]).includes(value)
