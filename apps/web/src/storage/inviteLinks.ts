import type { ReplaceableRole } from '@koers/protocol'
import { useSyncExternalStore } from 'react'
import { readLocal, writeLocal } from './localStore.ts'

/** The editor and viewer links this browser saw, per workspace (PERM-15). */
export type KeptLinks = Partial<Record<ReplaceableRole, string>>

const storageKey = (workspaceId: string) => `koers.links.${workspaceId}`
const listeners = new Set<() => void>()
const cache = new Map<string, { raw: string | null; links: KeptLinks }>()

function parse(raw: string | null): KeptLinks {
  if (!raw) return {}
  try {
    const data: unknown = JSON.parse(raw)
    if (typeof data !== 'object' || data === null) return {}
    const { editor, viewer } = data as Record<string, unknown>
    return {
      ...(typeof editor === 'string' ? { editor } : {}),
      ...(typeof viewer === 'string' ? { viewer } : {}),
    }
  } catch {
    return {}
  }
}

export function readKeptLinks(workspaceId: string): KeptLinks {
  const raw = readLocal(storageKey(workspaceId))
  const cached = cache.get(workspaceId)
  if (cached && cached.raw === raw) return cached.links
  const links = parse(raw)
  cache.set(workspaceId, { raw, links })
  return links
}

/** Remembers links (at creation, after a replace); a role's newer link replaces the older. */
export function keepLinks(workspaceId: string, links: KeptLinks): void {
  const next = { ...readKeptLinks(workspaceId), ...links }
  writeLocal(storageKey(workspaceId), JSON.stringify(next))
  for (const listener of listeners) listener()
}

/** PRIV-8: a deleted workspace's links are forgotten with it. */
export function forgetLinks(workspaceId: string): void {
  try {
    localStorage.removeItem(storageKey(workspaceId))
  } catch {
    // nothing was kept
  }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  window.addEventListener('storage', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', listener)
  }
}

export function useKeptLinks(workspaceId: string): KeptLinks {
  return useSyncExternalStore(subscribe, () => readKeptLinks(workspaceId))
}
