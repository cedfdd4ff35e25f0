import type { RoundState } from '@koers/doc-model'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { ConsentTally } from './ConsentTally.tsx'
import { itemLabel } from './itemLabel.ts'
import { useRoundItems } from './useRounds.ts'

/** A revealed consent round: per principle the tally and the notes, without names (ROUND-11). */
export function ConsentResults({ round }: { round: RoundState }) {
  const t = useT()
  const { doc } = useWorkspace()
  const items = useRoundItems(doc, round.items)
  return (
    <ul className="consent-results" data-testid="consent-results">
      {items.map((item) => {
        const result = round.results[item.id]
        return (
          <li key={item.id} className="card consent-results__item" data-name={itemLabel(item, t)}>
            <p className="consent__statement">{itemLabel(item, t)}</p>
            {result && <ConsentTally result={result} />}
          </li>
        )
      })}
    </ul>
  )
}
