import type { CardView } from '@koers/protocol'
import { useId, useState } from 'react'
import { useT } from '../i18n/i18n.tsx'

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text)

/** One of the writer's own cards before the reveal: read, edit in place, delete. */
export function OwnCard({
  card,
  onSave,
  onRemove,
}: {
  card: CardView
  onSave: (text: string) => Promise<boolean>
  onRemove: () => void
}) {
  const t = useT()
  const id = useId()
  const [editing, setEditing] = useState<string | null>(null)
  if (editing !== null) {
    return (
      <li className="own-card own-card--editing">
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault()
            if (!editing.trim()) return
            void onSave(editing.trim()).then((ok) => {
              if (ok) setEditing(null)
            })
          }}
        >
          <label className="visually-hidden" htmlFor={`${id}-edit`}>
            {t.rounds.editField}
          </label>
          <textarea
            id={`${id}-edit`}
            className="textarea"
            rows={3}
            value={editing}
            autoFocus
            onChange={(event) => setEditing(event.target.value)}
          />
          <div className="button-row">
            <button type="submit" className="button button--primary">
              {t.save}
            </button>
            <button type="button" className="button" onClick={() => setEditing(null)}>
              {t.cancel}
            </button>
          </div>
        </form>
      </li>
    )
  }
  return (
    <li className="own-card" data-testid="own-card">
      <p className="own-card__text">{card.text}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--quiet"
          aria-label={t.rounds.editLabel(short(card.text))}
          onClick={() => setEditing(card.text)}
        >
          {t.rounds.edit}
        </button>
        <button
          type="button"
          className="button button--quiet own-card__delete"
          aria-label={t.rounds.deleteLabel(short(card.text))}
          onClick={onRemove}
        >
          {t.rounds.deleteCard}
        </button>
      </div>
    </li>
  )
}
