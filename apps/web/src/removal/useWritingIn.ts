import { useCallback, useRef } from 'react'
import type { FocusEvent } from 'react'

const ITEM = '[data-item-id]'

function itemIdOf(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null
  return target.closest(ITEM)?.getAttribute('data-item-id') ?? null
}

/**
 * The item (an element with `data-item-id` inside the list) this person is writing in: the one
 * that last held focus. Focus moving to something outside every item forgets it; focus simply
 * lost (the item was taken out of the page under them) keeps it, so the removal can be told.
 */
export function useWritingIn() {
  const current = useRef<string | null>(null)
  const onFocus = useCallback((event: FocusEvent) => {
    current.current = itemIdOf(event.target)
  }, [])
  const onBlur = useCallback((event: FocusEvent) => {
    if (event.relatedTarget !== null) current.current = itemIdOf(event.relatedTarget)
  }, [])
  const writingIn = useCallback(() => current.current, [])
  return { onFocus, onBlur, writingIn }
}
