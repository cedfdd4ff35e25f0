import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
} from '@dnd-kit/core'
import type { Announcements, DragEndEvent, UniqueIdentifier } from '@dnd-kit/core'
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import type { CSSProperties, ReactNode } from 'react'
import { useMemo } from 'react'
import { useT } from '../i18n/i18n.tsx'

export interface DragHandleProps {
  ref: (element: HTMLElement | null) => void
  attributes: Record<string, unknown>
  listeners: Record<string, unknown> | undefined
}

export interface SortableRenderProps {
  setNodeRef: (element: HTMLElement | null) => void
  style: CSSProperties
  isDragging: boolean
  handle: DragHandleProps
}

interface Props {
  ids: string[]
  nameOf: (id: string) => string
  onMove: (id: string, toIndex: number) => void
  disabled?: boolean
  renderItem: (id: string, index: number, sortable: SortableRenderProps) => ReactNode
}

/** A vertical list that can be reordered by pointer and keyboard drag, with spoken feedback. */
export function SortableList({ ids, nameOf, onMove, disabled, renderItem }: Props) {
  const t = useT()
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )
  const announcements = useMemo<Announcements>(() => {
    const name = (id: UniqueIdentifier) => nameOf(String(id))
    const position = (id: UniqueIdentifier | undefined) => ids.indexOf(String(id)) + 1
    return {
      onDragStart: ({ active }) => t.move.pickedUp(name(active.id)),
      onDragOver: ({ active, over }) =>
        over ? t.move.movedTo(name(active.id), position(over.id), ids.length) : undefined,
      onDragEnd: ({ active, over }) =>
        over
          ? t.move.movedTo(name(active.id), position(over.id), ids.length)
          : t.move.dropped(name(active.id)),
      onDragCancel: ({ active }) => t.move.cancelled(name(active.id)),
    }
  }, [ids, nameOf, t])

  function onDragEnd(event: DragEndEvent): void {
    const { active, over } = event
    if (!over || active.id === over.id) return
    const toIndex = ids.indexOf(String(over.id))
    if (toIndex >= 0) onMove(String(active.id), toIndex)
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t.move.instructions },
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy} disabled={disabled}>
        {ids.map((id, index) => (
          <SortableItem key={id} id={id} index={index} renderItem={renderItem} />
        ))}
      </SortableContext>
    </DndContext>
  )
}

function SortableItem({
  id,
  index,
  renderItem,
}: {
  id: string
  index: number
  renderItem: Props['renderItem']
}) {
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id })
  const style: CSSProperties = {
    transform: CSS.Translate.toString(transform),
    transition,
    zIndex: isDragging ? 2 : undefined,
    position: 'relative',
  }
  return renderItem(id, index, {
    setNodeRef,
    style,
    isDragging,
    handle: {
      ref: setActivatorNodeRef,
      attributes: attributes as unknown as Record<string, unknown>,
      listeners: listeners as Record<string, unknown> | undefined,
    },
  })
}
