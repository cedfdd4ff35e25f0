import type { RoundState } from '@koers/doc-model'
import { useEffect, useId, useRef, useState } from 'react'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { fetchRound, putVotes } from './roundsApi.ts'
import { roundErrorText } from './roundError.ts'
import { itemLabel } from './itemLabel.ts'
import { useRoundItems } from './useRounds.ts'

type Allocation = Record<string, number>
const spent = (allocation: Allocation) => Object.values(allocation).reduce((a, b) => a + b, 0)

/**
 * ROUND-7: dot voting with a visible budget ("nog 2 stippen"). Every change replaces the whole
 * allocation on the server; a refused one puts the previous one back.
 */
export function VoteBallot({ round, canVote }: { round: RoundState; canVote: boolean }) {
  const t = useT()
  const id = useId()
  const { doc, workspaceId } = useWorkspace()
  const items = useRoundItems(doc, round.items)
  const [allocation, setAllocation] = useState<Allocation>({})
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const saved = useRef<Allocation>({})
  const queue = useRef<Promise<void>>(Promise.resolve())

  useEffect(() => {
    if (!canVote) return
    let live = true
    fetchRound(workspaceId, round.id).then(
      (info) => {
        if (!live || !info.ownAllocation) return
        saved.current = info.ownAllocation
        setAllocation(info.ownAllocation)
      },
      (error: unknown) => live && setMessage({ text: roundErrorText(t, error), error: true }),
    )
    return () => {
      live = false
    }
  }, [workspaceId, round.id, canVote, t])

  const left = round.dotsPerPerson - spent(allocation)

  function change(itemId: string, delta: number): void {
    const count = (allocation[itemId] ?? 0) + delta
    const next = Object.fromEntries(
      [...Object.entries(allocation).filter(([id]) => id !== itemId), [itemId, count]].filter(
        ([, n]) => n !== 0,
      ),
    ) as Allocation
    setAllocation(next)
    queue.current = queue.current.then(async () => {
      try {
        await putVotes(workspaceId, round.id, next)
        saved.current = next
        setMessage({ text: t.rounds.votesSaved, error: false })
      } catch (error) {
        setAllocation(saved.current)
        setMessage({ text: roundErrorText(t, error, t.rounds.votesRefused), error: true })
      }
    })
  }

  if (!canVote) return <p className="muted">{t.rounds.readOnly}</p>
  return (
    <div className="stack ballot" data-testid="vote-ballot">
      <div className="ballot__budget" aria-live="polite" data-testid="dots-left">
        <strong>{t.rounds.budgetLeft(left)}</strong>
        <span className="ballot__pips" aria-hidden="true">
          {'●'.repeat(Math.max(0, left))}
          <span className="ballot__pips--spent">
            {'○'.repeat(Math.max(0, round.dotsPerPerson - left))}
          </span>
        </span>
      </div>
      <p className="muted" id={`${id}-rules`}>
        {t.rounds.budgetRules(round.dotsPerPerson, round.maxPerItem)}
      </p>
      <ul className="ballot__items">
        {items.map((item) => {
          const name = itemLabel(item, t)
          const mine = allocation[item.id] ?? 0
          return (
            <li key={item.id} className="ballot__item" data-testid="ballot-item" data-name={name}>
              <span className="ballot__name">{name}</span>
              <div className="ballot__controls">
                <button
                  type="button"
                  className="icon-button ballot__button"
                  aria-label={t.rounds.removeDot(name)}
                  disabled={mine === 0}
                  onClick={() => change(item.id, -1)}
                >
                  <span aria-hidden="true">−</span>
                </button>
                <span className="ballot__mine" data-testid="my-dots">
                  <span aria-hidden="true" className="ballot__num">
                    {mine}
                  </span>
                  <span aria-hidden="true" className="ballot__dots">
                    {'●'.repeat(mine)}
                  </span>
                  <span className="visually-hidden">{t.rounds.dotsOnItem(mine)}</span>
                </span>
                <button
                  type="button"
                  className="icon-button ballot__button"
                  aria-label={t.rounds.addDot(name)}
                  disabled={left <= 0 || mine >= round.maxPerItem}
                  onClick={() => change(item.id, 1)}
                >
                  <span aria-hidden="true">+</span>
                </button>
              </div>
            </li>
          )
        })}
      </ul>
      {message && (
        <p className={message.error ? 'form-error' : 'muted'} role="status">
          {message.text}
        </p>
      )}
    </div>
  )
}
