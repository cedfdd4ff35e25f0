import { useCallback, useRef, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

const sameJson = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Read a value from the document and re-read it when any of the given root types changes deeply.
 * The result keeps its identity while `isEqual` (by default: same JSON) holds, so React renders
 * only on real change.
 */
export function useDocValue<T>(
  doc: Y.Doc,
  roots: readonly string[],
  read: (doc: Y.Doc) => T,
  isEqual: (a: T, b: T) => boolean = sameJson,
): T {
  const cache = useRef<{ value: T } | null>(null)
  const readRef = useRef(read)
  const equalRef = useRef(isEqual)
  readRef.current = read
  equalRef.current = isEqual
  const rootsKey = roots.join('\n')

  const subscribe = useCallback(
    (listener: () => void) => {
      const types = rootsKey.split('\n').map((name) => doc.getMap(name))
      for (const type of types) type.observeDeep(listener)
      return () => {
        for (const type of types) type.unobserveDeep(listener)
      }
    },
    [doc, rootsKey],
  )

  const getSnapshot = useCallback(() => {
    const value = readRef.current(doc)
    if (cache.current && equalRef.current(cache.current.value, value)) return cache.current.value
    cache.current = { value }
    return value
  }, [doc])

  return useSyncExternalStore(subscribe, getSnapshot)
}

export const sameRef = <T>(a: T, b: T) => a === b
