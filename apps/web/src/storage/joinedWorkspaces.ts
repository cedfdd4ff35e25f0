import { useSyncExternalStore } from 'react'
import { isRole, type Role } from '@koers/protocol'
import { readLocal, writeLocal } from './localStore.ts'

export interface JoinedWorkspace {
  id: string
  title: string
  role: Role
  displayName: string
  participantId: string
  lastVisit: number
  /** adoption status id as last seen, for the badge on the home list */
  status?: string
  /** the status label in both languages, so the home page needs no document model */
  statusLabel?: { nl: string; en: string }
}

const storageKey = 'koers.workspaces'
const listeners = new Set<() => void>()
let cache: { raw: string | null; list: JoinedWorkspace[] } = { raw: null, list: [] }

function parse(raw: string | null): JoinedWorkspace[] {
  if (!raw) return []
  try {
    const data: unknown = JSON.parse(raw)
    if (!Array.isArray(data)) return []
    return data.filter(
      (item): item is JoinedWorkspace =>
        typeof item === 'object' &&
        item !== null &&
        typeof item.id === 'string' &&
        typeof item.title === 'string' &&
        isRole(item.role),
    )
  } catch {
    return []
  }
}

export function listJoinedWorkspaces(): JoinedWorkspace[] {
  const raw = readLocal(storageKey)
  if (raw !== cache.raw) cache = { raw, list: parse(raw) }
  return cache.list
}

export function findJoinedWorkspace(id: string): JoinedWorkspace | undefined {
  return listJoinedWorkspaces().find((item) => item.id === id)
}

export function saveJoinedWorkspace(
  entry: Omit<JoinedWorkspace, 'lastVisit'> & { lastVisit?: number },
): void {
  const rest = listJoinedWorkspaces().filter((item) => item.id !== entry.id)
  const next = [{ ...entry, lastVisit: entry.lastVisit ?? Date.now() }, ...rest]
  writeLocal(storageKey, JSON.stringify(next))
  for (const listener of listeners) listener()
}

export function updateJoinedWorkspace(id: string, patch: Partial<JoinedWorkspace>): void {
  const current = findJoinedWorkspace(id)
  if (!current) return
  const changed = Object.entries(patch).some(
    ([key, value]) =>
      JSON.stringify(current[key as keyof JoinedWorkspace]) !== JSON.stringify(value),
  )
  if (!changed) return
  const next = listJoinedWorkspaces().map((item) => (item.id === id ? { ...item, ...patch } : item))
  writeLocal(storageKey, JSON.stringify(next))
  for (const listener of listeners) listener()
}

export function removeJoinedWorkspace(id: string): void {
  if (!findJoinedWorkspace(id)) return
  const next = listJoinedWorkspaces().filter((item) => item.id !== id)
  writeLocal(storageKey, JSON.stringify(next))
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  const onStorage = (event: StorageEvent) => {
    if (event.key === storageKey) listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

export function useJoinedWorkspaces(): JoinedWorkspace[] {
  return useSyncExternalStore(subscribe, listJoinedWorkspaces)
}
