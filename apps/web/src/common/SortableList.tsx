import { DndContext, PointerSensor, closestCenter, useSensor, useSensors } from '@dnd-kit/core'
import type { Announcements, DragEndEvent, UniqueIdentifier } from '@dnd-kit/core'
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import type { CSSProperties, FocusEvent, KeyboardEvent, ReactNode } from 'react'
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useT } from '../i18n/i18n.tsx'
import { useAnnounce } from './Announcer.tsx'
import { placeIn, type Place } from './place.ts'

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
  /** Where an item is in the document right now; defaults to its place in `ids` (WEB-4). */
  placeOf?: (id: string) => Place
  disabled?: boolean
  renderItem: (id: string, index: number, sortable: SortableRenderProps) => ReactNode
}

interface Grab {
  id: string
  name: string
  from: number
}

/**
 * A vertical list that can be reordered by pointer drag (dnd-kit) and by keyboard on the drag
 * handle: Space or Enter picks up, each arrow key moves the item one place in the document at
 * once and says where it is, Space or Enter puts it down, Escape puts it back (WEB-4). Every
 * arrow reads the item's place from the document at the key press, not from the last render,
 * so presses that come faster than the page re-renders still move one place each.
 */
export function SortableList({ ids, nameOf, onMove, placeOf, disabled, renderItem }: Props) {
  const t = useT()
  const announce = useAnnounce()
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }))
  const idsRef = useRef(ids)
  idsRef.current = ids
  const grab = useRef<Grab | null>(null)
  const [grabbed, setGrabbed] = useState<string | null>(null)

  const announcements = useMemo<Announcements>(() => {
    const name = (id: UniqueIdentifier) => nameOf(String(id))
    const position = (id: UniqueIdentifier | undefined) => ids.indexOf(String(id)) + 1
    return {
      onDragStart: ({ active }) => t.move.pickedUp(name(active.id)),
      onDragOver: ({ active, over }) =>
        over && over.id !== active.id
          ? t.move.movedTo(name(active.id), position(over.id), ids.length)
          : undefined,
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

  const placeNow = (id: string): Place =>
    placeOf?.(id) ??
    placeIn(
      idsRef.current.map((item) => ({ id: item })),
      id,
    )

  function release(): void {
    grab.current = null
    setGrabbed(null)
  }

  function onHandleKeyDown(id: string, event: KeyboardEvent): void {
    if (disabled || event.altKey || event.ctrlKey || event.metaKey) return
    const held = grab.current
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault()
      if (held?.id === id) {
        release()
        const place = placeNow(id)
        announce(t.move.movedTo(held.name, place.index + 1, place.total))
      } else {
        const name = nameOf(id)
        grab.current = { id, name, from: placeNow(id).index }
        setGrabbed(id)
        announce(t.move.pickedUp(name))
      }
      return
    }
    if (held?.id !== id) return
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const place = placeNow(id)
      const toIndex = place.index + (event.key === 'ArrowDown' ? 1 : -1)
      if (place.index >= 0 && toIndex >= 0 && toIndex < place.total) {
        onMove(id, toIndex)
        announce(t.move.movedTo(held.name, toIndex + 1, place.total))
      } else {
        announce(t.move.movedTo(held.name, place.index + 1, place.total))
      }
    } else if (event.key === 'Escape') {
      event.preventDefault()
      release()
      if (held.from >= 0 && placeNow(id).index !== held.from) onMove(id, held.from)
      announce(t.move.cancelled(held.name))
    }
  }

  function onHandleBlur(id: string, next: EventTarget | null): void {
    // a moved item's handle may lose focus while its node moves; only a real move of focus drops
    if (grab.current?.id === id && next !== null) release()
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
          <SortableItem
            key={id}
            id={id}
            index={index}
            grabbed={grabbed === id}
            onHandleKeyDown={onHandleKeyDown}
            onHandleBlur={onHandleBlur}
            renderItem={renderItem}
          />
        ))}
      </SortableContext>
    </DndContext>
  )
}

function SortableItem({
  id,
  index,
  grabbed,
  onHandleKeyDown,
  onHandleBlur,
  renderItem,
}: {
  id: string
  index: number
  grabbed: boolean
  onHandleKeyDown: (id: string, event: KeyboardEvent) => void
  onHandleBlur: (id: string, next: EventTarget | null) => void
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
  const handleNode = useRef<HTMLElement | null>(null)
  const handleRef = useCallback(
    (element: HTMLElement | null) => {
      handleNode.current = element
      setActivatorNodeRef(element)
    },
    [setActivatorNodeRef],
  )
  // keep focus on the handle of the item being moved by keyboard, wherever its node went
  useLayoutEffect(() => {
    const node = handleNode.current
    if (grabbed && node && document.activeElement !== node) node.focus({ preventScroll: false })
  })
  const style: CSSProperties = {
    transform: CSS.Translate.toString(transform),
    transition,
    zIndex: isDragging || grabbed ? 2 : undefined,
    position: 'relative',
  }
  return renderItem(id, index, {
    setNodeRef,
    style,
    isDragging: isDragging || grabbed,
    handle: {
      ref: handleRef,
      attributes: {
        ...(attributes as unknown as Record<string, unknown>),
        'aria-pressed': grabbed,
      },
      listeners: {
        ...(listeners as Record<string, unknown> | undefined),
        onKeyDown: (event: KeyboardEvent) => onHandleKeyDown(id, event),
        onBlur: (event: FocusEvent) => onHandleBlur(id, event.relatedTarget),
      },
    },
  })
}
