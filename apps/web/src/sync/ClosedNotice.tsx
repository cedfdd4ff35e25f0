import { CloseCode } from '@koers/protocol'
import { useT } from '../i18n/i18n.tsx'
import type { ConnectionSnapshot } from './WorkspaceConnection.ts'

/** Why the server closed the socket for good; an ended session (4401, PERM-16) in words. */
export function ClosedNotice({ closed }: { closed: ConnectionSnapshot['closed'] }) {
  const t = useT()
  if (!closed) return null
  if (closed.code === CloseCode.SessionEnded) {
    return (
      <div className="notice notice--error" role="alert" data-testid="session-ended">
        <strong>{t.share.sessionEndedTitle}</strong>
        <p>{t.share.sessionEndedBody}</p>
      </div>
    )
  }
  return (
    <div className="notice notice--error" role="alert">
      <strong>{t.sync.closedTitle}</strong> ({closed.code} {closed.reason})
    </div>
  )
}
