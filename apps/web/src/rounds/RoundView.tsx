import type { RoundState } from '@koers/doc-model'
import { memo, useState } from 'react'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { BrainstormWrite } from './BrainstormWrite.tsx'
import { CardWall } from './CardWall.tsx'
import { ConsentBallot } from './ConsentBallot.tsx'
import { ConsentResults } from './ConsentResults.tsx'
import { RevealButton } from './RevealButton.tsx'
import { RoundCount } from './RoundCount.tsx'
import { focusRound, useRounds } from './useRounds.ts'
import { VoteBallot } from './VoteBallot.tsx'
import { VoteResults } from './VoteResults.tsx'
import './rounds.css'

/** The "Ronde" tab: the round that runs now (or another one picked below), for every role. */
export const RoundView = memo(function RoundView({ currentPhaseId }: { currentPhaseId: string }) {
  const t = useT()
  const { doc } = useWorkspace()
  const rounds = useRounds(doc)
  const [picked, setPicked] = useState<string | null>(null)
  const focus = focusRound(rounds, currentPhaseId)
  const round = rounds.find((candidate) => candidate.id === picked) ?? focus
  if (!round)
    return (
      <p className="muted" data-testid="no-round">
        {t.rounds.noRound}
      </p>
    )
  const others = [...rounds].reverse().filter((other) => other.id !== round.id)
  return (
    <div
      className="round stack-lg"
      data-testid="round-view"
      data-kind={round.kind}
      data-status={round.status}
    >
      <RoundBody round={round} />
      {others.length > 0 && (
        <details className="round__earlier">
          <summary>{t.rounds.earlier}</summary>
          <ul className="round__earlier-list">
            {round.id !== focus?.id && focus && (
              <li>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => setPicked(null)}
                >
                  {t.rounds.current}: {roundName(t, focus)}
                </button>
              </li>
            )}
            {others
              .filter((other) => other.id !== focus?.id)
              .map((other) => (
                <li key={other.id}>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => setPicked(other.id)}
                  >
                    {roundName(t, other)}
                  </button>
                </li>
              ))}
          </ul>
        </details>
      )}
    </div>
  )
})

function roundName(t: ReturnType<typeof useT>, round: RoundState): string {
  const kind = t.rounds.kinds[round.kind]
  return round.question ? `${kind}: ${round.question}` : kind
}

function RoundBody({ round }: { round: RoundState }) {
  const t = useT()
  const { role, workspaceId, readOnly } = useWorkspace()
  // Input goes to the API (viewers are refused); clustering and promoting are document edits.
  const takesPart = role !== 'viewer'
  const edits = !readOnly
  const open = round.status === 'open'
  return (
    <>
      <header className="round__head">
        <p className="round__kind">
          {t.rounds.kinds[round.kind]} ·{' '}
          <span className={`round__status round__status--${round.status}`}>
            {open ? t.rounds.open : t.rounds.revealed}
          </span>
        </p>
        {round.question && (
          <h2 className="round__question" data-testid="round-question">
            {round.question}
          </h2>
        )}
        <RoundCount round={round} />
        {open && round.kind === 'brainstorm' && role === 'facilitator' && (
          <p className="muted">{t.rounds.facilitatorHidden}</p>
        )}
        {open && role === 'facilitator' && <RevealButton roundId={round.id} />}
      </header>
      {round.kind === 'brainstorm' &&
        (open ? (
          <BrainstormWrite workspaceId={workspaceId} round={round} canWrite={takesPart} />
        ) : (
          <section className="stack" aria-labelledby="wall-title">
            <h3 id="wall-title">{t.rounds.wallTitle}</h3>
            <CardWall round={round} interactive={edits} />
          </section>
        ))}
      {round.kind === 'vote' &&
        (open ? (
          <VoteBallot round={round} canVote={takesPart} />
        ) : (
          <section className="stack" aria-labelledby="results-title">
            <h3 id="results-title">{t.rounds.resultsTitle}</h3>
            <VoteResults round={round} canPromote={edits} />
          </section>
        ))}
      {round.kind === 'consent' &&
        (open ? (
          <ConsentBallot round={round} canAnswer={takesPart} />
        ) : (
          <section className="stack" aria-labelledby="results-title">
            <h3 id="results-title">{t.rounds.resultsTitle}</h3>
            <ConsentResults round={round} />
          </section>
        ))}
    </>
  )
}
