import type { JoinCode } from '@koers/protocol'
import { useCallback, useEffect, useState } from 'react'
import { closeJoinCode, fetchJoinCodeStatus, openJoinCode } from '../api/client.ts'
import { storeJoinCode, useStoredJoinCode } from './joinCodeStorage.ts'
import { useServerNow } from './serverClock.ts'

const CHECK_MS = 30_000

export interface JoinCodeControl {
  /** The open code as this browser knows it, or null when joining by code is closed. */
  code: JoinCode | null
  busy: boolean
  failed: boolean
  open(): Promise<void>
  close(): Promise<void>
}

/**
 * The join code of the facilitator's browser, checked against the server now and then: a code
 * closed from another device, or expired, is no longer shown.
 */
export function useJoinCode(workspaceId: string): JoinCodeControl {
  const stored = useStoredJoinCode(workspaceId)
  const now = useServerNow(5_000)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    if (!stored) return
    let live = true
    const check = () =>
      fetchJoinCodeStatus(workspaceId).then(
        (status) => {
          if (live && (!status.open || status.expiresAt !== stored.expiresAt)) {
            storeJoinCode(workspaceId, null)
          }
        },
        () => undefined,
      )
    void check()
    const timer = setInterval(() => void check(), CHECK_MS)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [workspaceId, stored])

  const open = useCallback(async () => {
    setBusy(true)
    setFailed(false)
    try {
      storeJoinCode(workspaceId, await openJoinCode(workspaceId))
    } catch {
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }, [workspaceId])

  const close = useCallback(async () => {
    setBusy(true)
    setFailed(false)
    try {
      await closeJoinCode(workspaceId)
      storeJoinCode(workspaceId, null)
    } catch {
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }, [workspaceId])

  const live = stored && new Date(stored.expiresAt).getTime() > now ? stored : null
  return { code: live, busy, failed, open, close }
}
