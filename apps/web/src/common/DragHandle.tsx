import type { DragHandleProps } from './SortableList.tsx'
import { useT } from '../i18n/i18n.tsx'

/** Only the drag handle (pointer and keyboard drag), for rows whose other moves are in a menu. */
export function DragHandle({ name, handle }: { name: string; handle: DragHandleProps }) {
  const t = useT()
  return (
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
  )
}
