import { ROUND_LIMITS, type ConsentAnswer } from '@koers/protocol'
import type { Principal } from '../auth/role.ts'
import type { InputOutcome, StoredRound } from '../store/roundStore.ts'
import { RoundError } from './roundErrors.ts'

// What a round accepts from whom: refusals as RoundErrors, which the API turns into statuses.

/** ROUND-2, ROUND-8: what only those who may write (not viewers) may do. */
export const requireWriter = (principal: Principal, what: string): void => {
  if (principal.role === 'viewer') throw new RoundError('forbidden', `A viewer cannot ${what}`)
}

export const requireFacilitator = (principal: Principal, what: string): void => {
  if (principal.role !== 'facilitator') {
    throw new RoundError('forbidden', `Only a facilitator can ${what}`)
  }
}

export const refuseOutcome = (outcome: InputOutcome, what: string): void => {
  if (outcome === 'not_found') throw new RoundError('not_found', `No such ${what}`)
  if (outcome === 'closed') throw new RoundError('conflict', 'This round is closed')
  if (outcome === 'limit') {
    throw new RoundError(
      'unprocessable',
      `At most ${ROUND_LIMITS.cardsPerPerson} cards per person and ` +
        `${ROUND_LIMITS.cardsPerRound} per round`,
    )
  }
}

/** ROUND-8: the allocation as the store keeps it (zeros left out), or a 422 with the reason. */
export const checkAllocation = (
  round: Pick<StoredRound, 'items' | 'dotsPerPerson' | 'maxPerItem'>,
  allocation: Record<string, number>,
): Record<string, number> => {
  const items = new Set(round.items)
  const kept: Record<string, number> = {}
  let total = 0
  for (const [item, dots] of Object.entries(allocation)) {
    if (!items.has(item)) throw new RoundError('unprocessable', `Not an item of this vote: ${item}`)
    if (!Number.isInteger(dots) || dots < 0) {
      throw new RoundError('unprocessable', 'Dots are whole numbers of 0 or more')
    }
    if (dots > round.maxPerItem) {
      throw new RoundError('unprocessable', `At most ${round.maxPerItem} dots on one item`)
    }
    total += dots
    if (dots > 0) kept[item] = dots
  }
  if (total > round.dotsPerPerson) {
    throw new RoundError('unprocessable', `At most ${round.dotsPerPerson} dots in all`)
  }
  return kept
}

/** ROUND-10: consent answers as the store keeps them, or a 422 with the reason. */
export const checkAnswers = (
  round: Pick<StoredRound, 'items'>,
  answers: Record<string, ConsentAnswer>,
): Record<string, ConsentAnswer> => {
  const items = new Set(round.items)
  const kept: Record<string, ConsentAnswer> = {}
  for (const [item, answer] of Object.entries(answers)) {
    if (!items.has(item)) {
      throw new RoundError('unprocessable', `Not a principle of this round: ${item}`)
    }
    const note = answer.note ?? ''
    if (note !== '' && answer.choice === 'consent') {
      throw new RoundError('unprocessable', 'Only a concern or an objection carries a note')
    }
    kept[item] = note === '' ? { choice: answer.choice } : { choice: answer.choice, note }
  }
  return kept
}
