import type { PhaseFormat, RoundKindValue } from '@koers/doc-model'
import { useT } from '../i18n/i18n.tsx'
import type { StudyDayState } from '../studyday/useStudyDay.ts'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { OpenRoundForm } from './OpenRoundForm.tsx'
import { RoundCount } from './RoundCount.tsx'
import { RevealButton } from './RevealButton.tsx'
import { useRounds } from './useRounds.ts'
import './rounds.css'

const KIND_OF_FORMAT: Partial<Record<PhaseFormat, RoundKindValue>> = {
  brainstorm: 'brainstorm',
  stemmen: 'vote',
  instemmen: 'consent',
}

/**
 * Console: open a round for the current phase (its format decides the kind), watch the count,
 * reveal it (ROUND-1, ROUND-4). The round itself is on the "Ronde" tab.
 */
export function RoundConsolePanel({
  day,
  onShowRound,
}: {
  day: StudyDayState
  onShowRound: () => void
}) {
  const t = useT()
  const { doc } = useWorkspace()
  const rounds = useRounds(doc)
  const open = [...rounds].reverse().find((round) => round.status === 'open')
  const phase = day.phases.find((candidate) => candidate.id === day.agenda.current)
  const phaseKind = phase ? KIND_OF_FORMAT[phase.format] : undefined

  return (
    <section
      className="card stack console__card"
      aria-labelledby="console-round"
      data-testid="round-panel"
    >
      <h2 id="console-round">{t.rounds.consoleTitle}</h2>
      {open ? (
        <div className="stack">
          <p className="round__kind">
            {t.rounds.kinds[open.kind]} · {t.rounds.open}
          </p>
          {open.question && <p className="console__round-question">{open.question}</p>}
          <RoundCount round={open} className="console__round-count" />
          <RevealButton roundId={open.id} />
          <div>
            <button type="button" className="button" onClick={onShowRound}>
              {t.rounds.showRoundTab}
            </button>
          </div>
        </div>
      ) : (
        <>
          {!phaseKind && <p className="muted">{t.rounds.consoleHint}</p>}
          <OpenRoundForm
            key={`${phase?.id ?? ''}:${phaseKind ?? ''}`}
            initialKind={phaseKind ?? 'brainstorm'}
            phaseId={phase?.id ?? ''}
            rounds={rounds}
          />
          {rounds.length > 0 && (
            <div>
              <button type="button" className="button button--quiet" onClick={onShowRound}>
                {t.rounds.showRoundTab}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  )
}
