import { useEffect, useRef } from 'react'
import { useT } from '../i18n/i18n.tsx'

/** A message with one action (e.g. undo). It stays until dismissed: no time limit to react. */
export function Toast({
  message,
  actionLabel,
  onAction,
  onDismiss,
}: {
  message: string
  actionLabel: string
  onAction: () => void
  onDismiss: () => void
}) {
  const t = useT()
  const action = useRef<HTMLButtonElement>(null)
  useEffect(() => action.current?.focus(), [message])
  return (
    <div className="toast" role="status" data-testid="toast">
      <span className="toast__message">{message}</span>
      <button type="button" className="button" ref={action} onClick={onAction}>
        {actionLabel}
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t.toast.dismiss}
        onClick={onDismiss}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  )
}
