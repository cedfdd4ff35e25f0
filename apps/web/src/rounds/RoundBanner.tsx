import type { RoundState } from '@koers/doc-model'
import { useT } from '../i18n/i18n.tsx'

/** Above the tabs while a round is open and its tab is not shown: what runs, and one way in. */
export function RoundBanner({ round, onGo }: { round: RoundState; onGo: () => void }) {
  const t = useT()
  const kind = t.rounds.kinds[round.kind]
  return (
    <section className="round-banner" aria-label={kind} data-testid="round-banner">
      <p className="round-banner__text">
        <strong>{kind}</strong>
        {round.question && <span className="round-banner__question">{round.question}</span>}
      </p>
      <button
        type="button"
        className="button button--primary"
        aria-label={t.rounds.goToRoundLabel(kind)}
        data-testid="go-to-round"
        onClick={onGo}
      >
        {t.rounds.goToRound}
      </button>
    </section>
  )
}
