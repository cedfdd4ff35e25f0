import type { RoundState } from '@koers/doc-model'
import { useT } from '../i18n/i18n.tsx'

/** ROUND-3: how many took part, live from the document; never what they wrote. */
export function RoundCount({ round, className }: { round: RoundState; className?: string }) {
  const t = useT()
  const text =
    round.kind === 'brainstorm'
      ? t.rounds.cardsOf(round.cards, round.participants)
      : round.kind === 'vote'
        ? t.rounds.voted(round.participants)
        : t.rounds.answered(round.participants)
  return (
    <p className={className ?? 'round__count'} data-testid="round-count">
      {text}
    </p>
  )
}
