/** Where an item is in its list: 0-based index (-1 when gone) and the list's length. */
export interface Place {
  index: number
  total: number
}

/**
 * The place of `id` in a list read from the document at this moment. A move reads it at the key
 * press instead of the last render's index, so presses that come before the list re-rendered
 * still move one place each (WEB-4).
 */
export function placeIn(list: readonly { id: string }[], id: string): Place {
  return { index: list.findIndex((item) => item.id === id), total: list.length }
}
