import { useEffect, useState } from 'react'
import { useT } from '../i18n/i18n.tsx'
import type { WorkspaceConnection } from '../sync/WorkspaceConnection.ts'

const SHOW_MS = 6_000

/**
 * A short toast when the server reverted a change of ours (PROTO-4 reasons, STUDY-11): the
 * interface is already read-only where it can know, so this covers races (typing as the lock
 * arrives) and anything the interface did not foresee.
 */
export function PermissionDeniedToast({ connection }: { connection: WorkspaceConnection }) {
  const t = useT()
  const [reason, setReason] = useState<{ text: string; n: number } | null>(null)
  useEffect(
    () =>
      connection.onPermissionDenied((code) =>
        setReason((previous) => ({ text: t.studyDay.denied(code), n: (previous?.n ?? 0) + 1 })),
      ),
    [connection, t],
  )
  useEffect(() => {
    if (!reason) return
    const timer = setTimeout(() => setReason(null), SHOW_MS)
    return () => clearTimeout(timer)
  }, [reason])
  if (!reason) return null
  return (
    <div className="toast toast--denied" role="status" data-testid="denied-toast">
      <span className="toast__message">{reason.text}</span>
      <button
        type="button"
        className="icon-button"
        aria-label={t.toast.dismiss}
        onClick={() => setReason(null)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  )
}
