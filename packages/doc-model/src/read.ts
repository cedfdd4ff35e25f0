import * as Y from 'yjs'

// Tolerant readers for untrusted document content: a wrong type reads as the default.

export function readString(map: Y.Map<unknown>, key: string, fallback = ''): string {
  const value = map.get(key)
  return typeof value === 'string' ? value : fallback
}

export function readNumber(map: Y.Map<unknown>, key: string, fallback = 0): number {
  const value = map.get(key)
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

export function readBoolean(map: Y.Map<unknown>, key: string, fallback = false): boolean {
  const value = map.get(key)
  return typeof value === 'boolean' ? value : fallback
}

export function readMap(map: Y.Map<unknown>, key: string): Y.Map<unknown> | undefined {
  const value = map.get(key)
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined
}

export function readText(map: Y.Map<unknown>, key: string): Y.Text | undefined {
  const value = map.get(key)
  return value instanceof Y.Text ? value : undefined
}

/** A Y.Text or a plain string field as a string. */
export function readTextString(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key)
  if (value instanceof Y.Text) return value.toString()
  return typeof value === 'string' ? value : ''
}

/** The keys of a `Y.Map<true>` used as a set (entries whose value is not `true` are ignored). */
export function readSet(map: Y.Map<unknown>, key: string): string[] {
  const set = readMap(map, key)
  if (!set) return []
  const keys: string[] = []
  set.forEach((value, k) => {
    if (value === true) keys.push(k)
  })
  return keys
}

/** Run `fn` in one transaction of the document the type belongs to (or directly if detached). */
export function transact(type: { doc: Y.Doc | null }, fn: () => void): void {
  const doc = type.doc
  if (doc) doc.transact(fn)
  else fn()
}
