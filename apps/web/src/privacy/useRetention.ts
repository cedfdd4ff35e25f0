import { useEffect, useState } from 'react'
import { fetchMe, type Me } from '../api/client.ts'

/**
 * PRIV-6: when the server would delete this workspace (null: no retention period, or not known
 * yet). Asked once the socket is up, i.e. after the ticket that recorded this visit.
 */
export function useRetention(workspaceId: string, connected: boolean): Me['retention'] {
  const [retention, setRetention] = useState<Me['retention']>(null)
  // Asked once, the first time the socket is up (not again on every save).
  const [armed, setArmed] = useState(connected)
  useEffect(() => {
    if (connected) setArmed(true)
  }, [connected])
  useEffect(() => {
    if (!armed) return
    let live = true
    fetchMe(workspaceId).then(
      (me) => live && setRetention(me.retention),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [workspaceId, armed])
  return retention
}

const NOTICE_DAYS = 14

/** The deletion date when it is 14 days away or less, else null. */
export function retentionDueSoon(retention: Me['retention'], now = Date.now()): Date | null {
  if (!retention) return null
  const deletesAt = new Date(retention.deletesAt)
  return deletesAt.getTime() - now <= NOTICE_DAYS * 24 * 60 * 60 * 1000 ? deletesAt : null
}

/** YYYY-MM-DD of a moment in the browser's own time zone. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
