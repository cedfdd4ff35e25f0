import { useAnnounce } from './Announcer.tsx'
import type { DragHandleProps } from './SortableList.tsx'
import { useT } from '../i18n/i18n.tsx'
import type { Place } from './place.ts'

/** Drag handle plus "Omhoog"/"Omlaag" buttons; aria-disabled keeps focus on the button at the ends. */
export function MoveControls({
  name,
  index,
  total,
  onMove,
  handle,
  place,
}: {
  name: string
  index: number
  total: number
  onMove: (toIndex: number) => void
  handle?: DragHandleProps
  /** Where the item is in the document right now (WEB-4); defaults to `index` and `total`. */
  place?: () => Place
}) {
  const t = useT()
  const announce = useAnnounce()
  function move(delta: number): void {
    const now = place?.() ?? { index, total }
    const toIndex = now.index + delta
    if (now.index < 0 || toIndex < 0 || toIndex >= now.total) return
    onMove(toIndex)
    announce(t.move.movedTo(name, toIndex + 1, now.total))
  }
  return (
    <span className="move-controls">
      {handle && (
        <button
          type="button"
          className="icon-button drag-handle"
          ref={handle.ref}
          {...handle.attributes}
          {...handle.listeners}
          aria-label={t.move.drag(name)}
          title={t.move.drag(name)}
        >
          <span aria-hidden="true">⠿</span>
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label={t.move.up(name)}
        title={t.move.up(name)}
        aria-disabled={index === 0 || undefined}
        onClick={() => move(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t.move.down(name)}
        title={t.move.down(name)}
        aria-disabled={index === total - 1 || undefined}
        onClick={() => move(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
    </span>
  )
}
