import { useDroppable } from '@dnd-kit/core'
import {
  clusterNameText,
  mergeClusters,
  removeCluster,
  Root,
  type BoardCard,
  type RoundState,
} from '@koers/doc-model'
import { useId } from 'react'
import { useAnnounce } from '../common/Announcer.tsx'
import { useTextField } from '../common/useTextField.ts'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { PromoteMenu } from './PromoteMenu.tsx'
import { WallCard } from './WallCard.tsx'

export interface WallGroupInfo {
  /** '' for the cards in no group */
  id: string
  name: string
}

export const groupDropId = (clusterId: string) => `group:${clusterId}`

/** One group on the wall (or the cards in none): a drop target with its name and controls. */
export function WallGroup({
  round,
  group,
  cards,
  groups,
  interactive,
  onMoveCard,
}: {
  round: RoundState
  group: WallGroupInfo
  cards: BoardCard[]
  groups: WallGroupInfo[]
  interactive: boolean
  onMoveCard: (cardId: string, clusterId: string) => void
}) {
  const t = useT()
  const id = useId()
  const { setNodeRef, isOver } = useDroppable({ id: groupDropId(group.id), disabled: !interactive })
  const isCluster = group.id !== ''
  return (
    <section
      ref={setNodeRef}
      className={`wall-group${isCluster ? '' : ' wall-group--loose'}${isOver ? ' wall-group--over' : ''}`}
      aria-labelledby={`${id}-name`}
      data-testid={isCluster ? `group-${group.id}` : 'group-ungrouped'}
      data-name={group.name}
    >
      <div className="wall-group__head">
        {isCluster && interactive ? (
          <ClusterName clusterId={group.id} name={group.name} labelId={`${id}-name`} />
        ) : (
          <h3 className="wall-group__name" id={`${id}-name`}>
            {group.name}
          </h3>
        )}
        <span className="wall-group__count muted">{t.rounds.groupCards(cards.length)}</span>
        {isCluster && interactive && (
          <PromoteMenu
            name={group.name}
            text={group.name}
            source={{ kind: 'brainstorm', question: round.question, cards: cards.length }}
            testId={`promote-group-${group.id}`}
          />
        )}
      </div>
      {isCluster && interactive && <ClusterControls group={group} groups={groups} />}
      {cards.length === 0 ? (
        interactive && <p className="wall-group__empty muted">{t.rounds.emptyGroup}</p>
      ) : (
        <ul className="wall-group__cards">
          {cards.map((card) => (
            <WallCard
              key={card.id}
              round={round}
              card={card}
              groups={groups}
              interactive={interactive}
              onMove={(clusterId) => onMoveCard(card.id, clusterId)}
            />
          ))}
        </ul>
      )}
    </section>
  )
}

function ClusterName({
  clusterId,
  name,
  labelId,
}: {
  clusterId: string
  name: string
  labelId: string
}) {
  const t = useT()
  const field = useTextField<HTMLInputElement>([Root.board], (d) => clusterNameText(d, clusterId))
  return (
    <h3 className="wall-group__name" id={labelId}>
      <span className="visually-hidden">{name}</span>
      <input
        className="input wall-group__input"
        aria-label={t.rounds.groupNameLabel(name)}
        data-testid={`group-name-${clusterId}`}
        {...field}
      />
    </h3>
  )
}

function ClusterControls({ group, groups }: { group: WallGroupInfo; groups: WallGroupInfo[] }) {
  const t = useT()
  const announce = useAnnounce()
  const { doc } = useWorkspace()
  const others = groups.filter((other) => other.id !== '' && other.id !== group.id)
  return (
    <div className="wall-group__controls">
      {others.length > 0 && (
        <select
          className="select select--small"
          aria-label={t.rounds.mergeLabel(group.name)}
          value=""
          data-testid={`merge-${group.id}`}
          onChange={(event) => {
            const into = others.find((other) => other.id === event.target.value)
            if (!into) return
            mergeClusters(doc, group.id, into.id)
            announce(t.rounds.merged(group.name, into.name))
          }}
        >
          <option value="">{t.rounds.mergeInto}</option>
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {other.name}
            </option>
          ))}
        </select>
      )}
      <button
        type="button"
        className="button button--quiet"
        aria-label={t.rounds.removeGroupLabel(group.name)}
        onClick={() => removeCluster(doc, group.id)}
      >
        {t.rounds.removeGroup}
      </button>
    </div>
  )
}
