import { voteTotals, type RoundState } from '@koers/doc-model'
import type { ReactNode } from 'react'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { itemLabel } from './itemLabel.ts'
import { useRoundItems, type RoundItem } from './useRounds.ts'

/**
 * ROUND-9: the totals as a bar chart that also reads as text: every row says its number, the
 * bars are decoration. Highest first.
 */
export function ResultBars({
  round,
  action,
  limit,
}: {
  round: RoundState
  action?: (item: RoundItem, dots: number, index: number) => ReactNode
  limit?: number
}) {
  const t = useT()
  const { doc } = useWorkspace()
  const items = useRoundItems(doc, round.items)
  const totals = voteTotals(round).slice(0, limit)
  const max = Math.max(1, ...totals.map((total) => total.dots))
  return (
    <ol
      className="bars"
      aria-label={t.rounds.resultsLabel(round.question || t.rounds.kinds.vote)}
      data-testid="vote-results"
    >
      {totals.map((total, index) => {
        const item = items.find((candidate) => candidate.id === total.id)
        if (!item) return null
        const name = itemLabel(item, t)
        return (
          <li
            key={total.id}
            className={`bars__row${index === 0 && total.dots > 0 ? ' bars__row--top' : ''}`}
            data-testid="result-row"
            data-name={name}
            data-dots={total.dots}
          >
            <div className="bars__label">
              <span className="bars__name">{name}</span>
              <strong className="bars__value">{t.rounds.dots(total.dots)}</strong>
            </div>
            <div className="bars__track" aria-hidden="true">
              <div className="bars__bar" style={{ width: `${(total.dots / max) * 100}%` }} />
            </div>
            {action?.(item, total.dots, index)}
          </li>
        )
      })}
    </ol>
  )
}
