import { z } from '@hono/zod-openapi'
import {
  CONSENT_CHOICES,
  ROUND_KINDS,
  ROUND_LIMITS,
  ROUND_STATUSES,
  type CardList as CardListBody,
  type CardRequest,
  type ConsentRequest,
  type CreatedId as CreatedIdBody,
  type CreateRoundRequest,
  type RoundInfo as RoundInfoBody,
  type RoundList as RoundListBody,
  type VoteRequest,
} from '@koers/protocol'
import {
  CONSENT_NOTE_MAX,
  BOARD_CARD_TEXT_MAX,
  ROUND_KIND_VALUES,
  ROUND_QUESTION_MAX,
  ROUND_STATUS_VALUES,
} from '@koers/doc-model'
import { agree, displayText, WorkspaceIdParam, type Same } from './schemas.ts'

// Issue 12: participation rounds (docs/rounds.md). Every body is strict: an unknown field is a 400.

const itemId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not an id')

export const RoundParams = WorkspaceIdParam.extend({
  roundId: itemId.openapi({ param: { name: 'roundId', in: 'path' } }),
})

export const CardParams = RoundParams.extend({
  cardId: itemId.openapi({ param: { name: 'cardId', in: 'path' } }),
})

/** A question may be empty for a vote or consent round; cleaned like every display text. */
const question = displayText(ROUND_LIMITS.questionMax)
const optionalQuestion = z.union([z.literal(''), question]).optional()
const phaseId = itemId.optional()
const items = z.array(itemId).min(1).max(ROUND_LIMITS.itemsMax)

const BrainstormBody = z
  .object({ kind: z.literal('brainstorm'), question, phaseId })
  .strict()
  .openapi('CreateBrainstormRound')

const VoteRoundBody = z
  .object({
    kind: z.literal('vote'),
    question: optionalQuestion,
    items,
    dotsPerPerson: z.number().int().min(1).max(ROUND_LIMITS.dotsPerPersonMax),
    maxPerItem: z.number().int().min(1).max(ROUND_LIMITS.dotsPerPersonMax),
    phaseId,
  })
  .strict()
  .openapi('CreateVoteRound')

const ConsentRoundBody = z
  .object({
    kind: z.literal('consent'),
    question: optionalQuestion,
    items,
    rerunOf: itemId.optional(),
    phaseId,
  })
  .strict()
  .openapi('CreateConsentRound')

export const CreateRoundBody = z
  .discriminatedUnion('kind', [BrainstormBody, VoteRoundBody, ConsentRoundBody])
  .openapi('CreateRound')

export const CreatedId = z.object({ id: z.string() }).openapi('CreatedId')

export const CardBody = z
  .object({ text: displayText(ROUND_LIMITS.cardTextMax).openapi({ example: 'Rust in de klas' }) })
  .strict()
  .openapi('CardRequest')

const CardView = z.object({ id: z.string(), text: z.string() }).openapi('Card')

export const CardList = z
  .object({
    status: z.enum(ROUND_STATUSES),
    count: z.number().int(),
    authors: z.number().int(),
    mine: z.boolean(),
    cards: z.array(CardView),
  })
  .openapi('CardList')

/** A whole number of dots; the budget and per-item maximum are checked by the service (422). */
export const VoteBody = z
  .object({
    allocation: z.record(z.string().max(64), z.number()).openapi({
      example: { q3Zb8WmT0aLx9eVc1RkPuA: 2 },
      description: 'item id → dots; replaces the caller’s allocation ({} withdraws it)',
    }),
  })
  .strict()
  .openapi('VoteRequest')

const ConsentAnswer = z
  .object({
    choice: z.enum(CONSENT_CHOICES),
    note: z.union([z.literal(''), displayText(ROUND_LIMITS.consentNoteMax)]).optional(),
  })
  .strict()
  .openapi('ConsentAnswer')

export const ConsentAnswersBody = z
  .object({ answers: z.record(z.string().max(64), ConsentAnswer) })
  .strict()
  .openapi('ConsentRequest')

const ConsentTally = z
  .object({
    consent: z.number().int(),
    concern: z.number().int(),
    objection: z.number().int(),
    notes: z.array(z.object({ choice: z.enum(['concern', 'objection']), text: z.string() })),
  })
  .openapi('ConsentTally')

export const RoundInfo = z
  .object({
    id: z.string(),
    kind: z.enum(ROUND_KINDS),
    status: z.enum(ROUND_STATUSES),
    question: z.string(),
    phaseId: z.string().nullable(),
    items: z.array(z.string()),
    dotsPerPerson: z.number().int().nullable(),
    maxPerItem: z.number().int().nullable(),
    rerunOf: z.string().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    revealedAt: z.string().nullable().openapi({ format: 'date-time' }),
    participants: z.number().int(),
    cards: z.number().int(),
    ownAllocation: z.record(z.string(), z.number().int()).nullable(),
    ownAnswers: z.record(z.string(), ConsentAnswer).nullable(),
    results: z.record(z.string(), z.number().int()).nullable(),
    consentResults: z.record(z.string(), ConsentTally).nullable(),
  })
  .openapi('Round')

export const RoundList = z.object({ rounds: z.array(RoundInfo) }).openapi('RoundList')

agree<Same<z.infer<typeof CreateRoundBody>, CreateRoundRequest>>()
agree<Same<z.infer<typeof CreatedId>, CreatedIdBody>>()
agree<Same<z.infer<typeof CardBody>, CardRequest>>()
agree<Same<z.infer<typeof CardList>, CardListBody>>()
agree<Same<z.infer<typeof VoteBody>, VoteRequest>>()
agree<Same<z.infer<typeof ConsentAnswersBody>, ConsentRequest>>()
agree<Same<z.infer<typeof RoundInfo>, RoundInfoBody>>()
agree<Same<z.infer<typeof RoundList>, RoundListBody>>()
// The document and the API use the same words and limits (docs/rounds.md).
agree<Same<(typeof ROUND_KINDS)[number], (typeof ROUND_KIND_VALUES)[number]>>()
agree<Same<(typeof ROUND_STATUSES)[number], (typeof ROUND_STATUS_VALUES)[number]>>()
agree<Same<typeof ROUND_LIMITS.cardTextMax, typeof BOARD_CARD_TEXT_MAX>>()
agree<Same<typeof ROUND_LIMITS.questionMax, typeof ROUND_QUESTION_MAX>>()
agree<Same<typeof ROUND_LIMITS.consentNoteMax, typeof CONSENT_NOTE_MAX>>()
