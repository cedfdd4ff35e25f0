import { useDraggable } from '@dnd-kit/core'
import { CSS } from '@dnd-kit/utilities'
import type { BoardCard, RoundState } from '@koers/doc-model'
import { useT } from '../i18n/i18n.tsx'
import { PromoteMenu } from './PromoteMenu.tsx'
import type { WallGroupInfo } from './WallGroup.tsx'

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text)

/** A revealed card: no author. Dragged by its handle; "Groep" moves it by keyboard or touch. */
export function WallCard({
  round,
  card,
  groups,
  interactive,
  onMove,
}: {
  round: RoundState
  card: BoardCard
  groups: WallGroupInfo[]
  interactive: boolean
  onMove: (clusterId: string) => void
}) {
  const t = useT()
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } =
    useDraggable({ id: card.id, disabled: !interactive })
  return (
    <li
      ref={setNodeRef}
      className={`wall-card${isDragging ? ' wall-card--dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform) }}
      data-testid="wall-card"
      data-card={card.id}
    >
      <p className="wall-card__text">{card.text}</p>
      {interactive && (
        <div className="wall-card__controls">
          <button
            type="button"
            className="icon-button drag-handle"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={t.move.drag(short(card.text))}
            data-testid="drag-card"
          >
            <span aria-hidden="true">⠿</span>
          </button>
          <select
            className="select select--small wall-card__move"
            aria-label={t.rounds.moveToLabel(short(card.text))}
            title={t.rounds.moveTo}
            value={card.cluster}
            data-testid="card-group"
            onChange={(event) => onMove(event.target.value)}
          >
            {groups.map((group) => (
              <option key={group.id || 'none'} value={group.id}>
                {group.id === '' ? t.rounds.noGroup : group.name}
              </option>
            ))}
          </select>
          <PromoteMenu
            name={short(card.text)}
            text={card.text}
            source={{ kind: 'brainstorm', question: round.question, cards: 1 }}
          />
        </div>
      )}
    </li>
  )
}
