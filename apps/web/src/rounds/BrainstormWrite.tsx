import { ROUND_LIMITS, type CardView } from '@koers/protocol'
import type { RoundState } from '@koers/doc-model'
import { useCallback, useEffect, useId, useState } from 'react'
import { useAnnounce } from '../common/Announcer.tsx'
import { useT } from '../i18n/i18n.tsx'
import { addCard, deleteCard, editCard, fetchCards } from './roundsApi.ts'
import { roundErrorText } from './roundError.ts'
import { OwnCard } from './OwnCard.tsx'

const length = (text: string) => [...text].length

/**
 * A brainstorm before the reveal (ROUND-2): a big field to write a card, and the writer's own
 * cards, which they may edit or delete until the reveal. Cards go to the API only.
 */
export function BrainstormWrite({
  workspaceId,
  round,
  canWrite,
}: {
  workspaceId: string
  round: RoundState
  canWrite: boolean
}) {
  const t = useT()
  const id = useId()
  const announce = useAnnounce()
  const [draft, setDraft] = useState('')
  const [cards, setCards] = useState<CardView[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const reload = useCallback(async () => {
    try {
      const list = await fetchCards(workspaceId, round.id)
      setCards(list.cards)
    } catch (failure) {
      setError(roundErrorText(t, failure))
    }
  }, [workspaceId, round.id, t])

  useEffect(() => {
    if (canWrite) void reload()
  }, [canWrite, reload])

  async function submit(): Promise<void> {
    const text = draft.trim()
    if (!text) return setError(t.rounds.cardEmpty)
    if (length(text) > ROUND_LIMITS.cardTextMax)
      return setError(t.rounds.cardTooLong(ROUND_LIMITS.cardTextMax))
    setBusy(true)
    setError('')
    try {
      await addCard(workspaceId, round.id, text)
      setDraft('')
      announce(t.rounds.cardAdded)
      await reload()
    } catch (failure) {
      setError(roundErrorText(t, failure))
    } finally {
      setBusy(false)
    }
  }

  async function save(cardId: string, text: string): Promise<boolean> {
    try {
      await editCard(workspaceId, round.id, cardId, text)
      announce(t.rounds.cardSaved)
      await reload()
      return true
    } catch (failure) {
      setError(roundErrorText(t, failure))
      return false
    }
  }

  async function remove(cardId: string): Promise<void> {
    try {
      await deleteCard(workspaceId, round.id, cardId)
      announce(t.rounds.cardDeleted)
      await reload()
    } catch (failure) {
      setError(roundErrorText(t, failure))
    }
  }

  if (!canWrite) return <p className="muted">{t.rounds.readOnly}</p>
  const left = ROUND_LIMITS.cardTextMax - length(draft)
  return (
    <div className="stack brainstorm" data-testid="brainstorm-write">
      <form
        className="card stack brainstorm__form"
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <label className="brainstorm__label" htmlFor={`${id}-card`}>
          {t.rounds.writeLabel}
        </label>
        <p className="muted" id={`${id}-help`}>
          {t.rounds.writeHelp}
        </p>
        <textarea
          id={`${id}-card`}
          className="textarea brainstorm__field"
          rows={3}
          value={draft}
          placeholder={t.rounds.writePlaceholder}
          aria-describedby={`${id}-help ${id}-left`}
          data-testid="card-field"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault()
              void submit()
            }
          }}
        />
        <div className="brainstorm__row">
          <span id={`${id}-left`} className={`muted${left < 0 ? ' over' : ''}`}>
            {t.rounds.charsLeft(left)}
          </span>
          <button
            type="submit"
            className="button button--primary"
            disabled={busy}
            data-testid="add-card"
          >
            {t.rounds.addCard}
          </button>
        </div>
        <p className="form-error" role="alert">
          {error}
        </p>
      </form>
      <section aria-labelledby={`${id}-mine`} className="stack">
        <h3 id={`${id}-mine`}>
          {t.rounds.yourCards} <span className="muted">({cards.length})</span>
        </h3>
        {cards.length === 0 ? (
          <p className="muted">{t.rounds.noOwnCards}</p>
        ) : (
          <ul className="own-cards" data-testid="own-cards">
            {cards.map((card) => (
              <OwnCard
                key={card.id}
                card={card}
                onSave={(text) => save(card.id, text)}
                onRemove={() => remove(card.id)}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
