import type { JoinCode } from '@koers/protocol'
import { useEffect, useState } from 'react'
import { readLocal, writeLocal } from '../storage/localStore.ts'

// The server keeps only a hash of the join code, so the code itself lives in the facilitator's
// browser: the console writes it here and the projector tab of the same browser reads it.
// Never in the shared document, where viewers could read it and join as editors (STUDY-8).

const key = (workspaceId: string) => `koers.joinCode.${workspaceId}`

export function readStoredJoinCode(workspaceId: string): JoinCode | null {
  const raw = readLocal(key(workspaceId))
  if (!raw) return null
  try {
    const parsed = JSON.parse(raw) as Partial<JoinCode>
    const { code, url, expiresAt } = parsed
    if (typeof code !== 'string' || typeof url !== 'string' || typeof expiresAt !== 'string') {
      return null
    }
    return { code, url, expiresAt }
  } catch {
    return null
  }
}

export function storeJoinCode(workspaceId: string, code: JoinCode | null): void {
  writeLocal(key(workspaceId), code ? JSON.stringify(code) : '')
  window.dispatchEvent(new StorageEvent('storage', { key: key(workspaceId) }))
}

/** The code this browser opened, kept in step with other tabs (the `storage` event). */
export function useStoredJoinCode(workspaceId: string): JoinCode | null {
  const [code, setCode] = useState(() => readStoredJoinCode(workspaceId))
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key === key(workspaceId)) {
        setCode(readStoredJoinCode(workspaceId))
      }
    }
    window.addEventListener('storage', onStorage)
    return () => window.removeEventListener('storage', onStorage)
  }, [workspaceId])
  return code
}
