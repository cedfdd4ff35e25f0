import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
} from '@dnd-kit/core'
import { addCluster, moveCardToCluster, type RoundState } from '@koers/doc-model'
import { useMemo } from 'react'
import { useAnnounce } from '../common/Announcer.tsx'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { useBoard } from './useRounds.ts'
import { WallGroup, groupDropId, type WallGroupInfo } from './WallGroup.tsx'

// Pointer drops go where the pointer is; keyboard drops (no pointer) to the group the card overlaps.
const collision: CollisionDetection = (args) =>
  args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args)

/**
 * ROUND-5: the revealed cards and the groups the team makes of them, live in the shared document.
 * Cards move by drag (pointer or keyboard) or by the "Groep" choice under each card.
 */
export function CardWall({ round, interactive }: { round: RoundState; interactive: boolean }) {
  const t = useT()
  const announce = useAnnounce()
  const { doc } = useWorkspace()
  const board = useBoard(doc, round.id)
  const groups = useMemo<WallGroupInfo[]>(
    () => [
      { id: '', name: t.rounds.ungrouped },
      ...board.clusters.map((cluster, index) => ({
        id: cluster.id,
        name: cluster.name.trim() || t.rounds.groupName(index + 1),
      })),
    ],
    [board.clusters, t],
  )
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  )
  const nameOfGroup = (dropId: string | number | undefined) =>
    groups.find((group) => groupDropId(group.id) === dropId)?.name ?? ''
  const textOf = (cardId: string | number) =>
    board.cards.find((card) => card.id === cardId)?.text.slice(0, 60) ?? ''
  const announcements: Announcements = {
    onDragStart: ({ active }) => t.move.pickedUp(textOf(active.id)),
    onDragOver: ({ over }) => (over ? nameOfGroup(over.id) : undefined),
    onDragEnd: ({ active, over }) =>
      over
        ? t.rounds.movedTo(textOf(active.id), nameOfGroup(over.id))
        : t.move.dropped(textOf(active.id)),
    onDragCancel: ({ active }) => t.move.cancelled(textOf(active.id)),
  }

  function onDragEnd({ active, over }: DragEndEvent): void {
    if (!over) return
    const group = groups.find((g) => groupDropId(g.id) === over.id)
    if (group) moveCardToCluster(doc, String(active.id), group.id)
  }

  function moveCard(cardId: string, clusterId: string): void {
    moveCardToCluster(doc, cardId, clusterId)
    const group = groups.find((g) => g.id === clusterId)
    announce(t.rounds.movedTo(textOf(cardId), group?.name ?? ''))
  }

  const content = (
    <div className="wall" data-testid="card-wall">
      {groups.map((group) => {
        const cards = board.cards.filter((card) => card.cluster === group.id)
        if (group.id === '' && cards.length === 0 && !interactive) return null
        return (
          <WallGroup
            key={group.id || 'ungrouped'}
            round={round}
            group={group}
            cards={cards}
            groups={groups}
            interactive={interactive}
            onMoveCard={moveCard}
          />
        )
      })}
    </div>
  )

  return (
    <div className="stack">
      {board.cards.length === 0 ? (
        <p className="muted">{t.rounds.noCardsRevealed}</p>
      ) : interactive ? (
        <>
          <p className="muted">{t.rounds.wallHelp}</p>
          <DndContext
            sensors={sensors}
            collisionDetection={collision}
            onDragEnd={onDragEnd}
            accessibility={{
              announcements,
              screenReaderInstructions: { draggable: t.rounds.dragInstructions },
            }}
          >
            {content}
          </DndContext>
        </>
      ) : (
        content
      )}
      {interactive && board.cards.length > 0 && (
        <div>
          <button
            type="button"
            className="button"
            data-testid="new-group"
            onClick={() => {
              addCluster(doc, {
                name: t.rounds.groupName(board.clusters.length + 1),
                roundId: round.id,
              })
            }}
          >
            + {t.rounds.newGroup}
          </button>
        </div>
      )}
    </div>
  )
}
