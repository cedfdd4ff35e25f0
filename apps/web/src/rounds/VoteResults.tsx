import { readRound, type PromotionSource, type RoundState } from '@koers/doc-model'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { itemLabel } from './itemLabel.ts'
import { PromoteMenu } from './PromoteMenu.tsx'
import { ResultBars } from './ResultBars.tsx'
import { usePromote } from './usePromote.ts'
import type { RoundItem } from './useRounds.ts'

/** A revealed vote: the bar chart, and turning an item into a principle or action (ROUND-13). */
export function VoteResults({ round, canPromote }: { round: RoundState; canPromote: boolean }) {
  const t = useT()
  const { doc } = useWorkspace()
  const promote = usePromote()
  // Provenance names the brainstorm a card or cluster came from: "uit brainstorm '…', 14 stippen".
  const sourceOf = (item: RoundItem, dots: number): PromotionSource => {
    const brainstorm = item.roundId ? readRound(doc, item.roundId) : null
    return brainstorm
      ? { kind: 'brainstorm', question: brainstorm.question, cards: item.cards, dots }
      : { kind: 'vote', question: round.question, dots }
  }
  return (
    <ResultBars
      round={round}
      action={
        canPromote
          ? (item, dots, index) => {
              const name = itemLabel(item, t)
              if (index === 0 && dots > 0) {
                return (
                  <div className="button-row bars__actions">
                    <button
                      type="button"
                      className="button button--primary"
                      aria-label={t.rounds.promotePrincipleLabel(name)}
                      data-testid="promote-winner"
                      onClick={() => promote('principle', item.name, sourceOf(item, dots))}
                    >
                      {t.rounds.promotePrinciple}
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-label={t.rounds.promoteActionLabel(name)}
                      onClick={() => promote('action', item.name, sourceOf(item, dots))}
                    >
                      {t.rounds.promoteAction}
                    </button>
                  </div>
                )
              }
              return (
                <div className="bars__actions bars__actions--menu">
                  <PromoteMenu name={name} text={item.name} source={sourceOf(item, dots)} />
                </div>
              )
            }
          : undefined
      }
    />
  )
}
