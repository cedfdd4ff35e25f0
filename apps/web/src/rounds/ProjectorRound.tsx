import type { RoundState } from '@koers/doc-model'
import { useT } from '../i18n/i18n.tsx'
import { CardWall } from './CardWall.tsx'
import { ConsentResults } from './ConsentResults.tsx'
import { ResultBars } from './ResultBars.tsx'
import { RoundCount } from './RoundCount.tsx'

/**
 * The projector's part of a round (ROUND-51): the question and the live count while input is
 * private; after the reveal the wall, the bar chart or the consent tallies. Read-only.
 */
export function ProjectorRound({ round }: { round: RoundState }) {
  const t = useT()
  const open = round.status === 'open'
  const instruction =
    round.kind === 'brainstorm'
      ? t.rounds.projectorWrite
      : round.kind === 'vote'
        ? t.rounds.projectorVote
        : t.rounds.projectorConsent
  return (
    <div
      className={`projector-round projector-round--${open ? 'open' : 'revealed'}`}
      data-testid="projector-round"
      data-status={round.status}
    >
      <h2 className="projector-round__question">{round.question || t.rounds.kinds[round.kind]}</h2>
      <RoundCount round={round} className="projector-round__count" />
      {open ? (
        <p className="projector-round__instruction">{instruction}</p>
      ) : (
        <div className="projector-round__results">
          {round.kind === 'brainstorm' && <CardWall round={round} interactive={false} />}
          {round.kind === 'vote' && <ResultBars round={round} limit={8} />}
          {round.kind === 'consent' && <ConsentResults round={round} />}
        </div>
      )}
    </div>
  )
}
