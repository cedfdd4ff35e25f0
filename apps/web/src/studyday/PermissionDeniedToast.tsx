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
  // the reason code, not the sentence: the toast follows the language switch (WEB-2)
  const [reason, setReason] = useState<{ code: string; n: number } | null>(null)
  useEffect(
    () =>
      connection.onPermissionDenied((code) =>
        setReason((previous) => ({ code, n: (previous?.n ?? 0) + 1 })),
      ),
    [connection],
  )
  useEffect(() => {
    if (!reason) return
    const timer = setTimeout(() => setReason(null), SHOW_MS)
    return () => clearTimeout(timer)
  }, [reason])
  if (!reason) return null
  return (
    <div className="toast toast--denied" role="status" data-testid="denied-toast">
      <span className="toast__message">{t.studyDay.denied(reason.code)}</span>
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
