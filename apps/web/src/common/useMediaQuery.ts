import { useSyncExternalStore } from 'react'

/** Whether a CSS media query matches now; re-renders when that changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query)
      list.addEventListener('change', onChange)
      return () => list.removeEventListener('change', onChange)
    },
    () => window.matchMedia(query).matches,
  )
}

/**
 * Small screens (phones): per-item controls go behind one "⋯" menu and guiding questions start
 * folded, so the text comes first. Keep in step with `--compact` in `layout-hall.css`.
 */
export const COMPACT_QUERY = '(max-width: 600px)'

export function useCompact(): boolean {
  return useMediaQuery(COMPACT_QUERY)
}
