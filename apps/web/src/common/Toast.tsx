import { useEffect, useRef, useState } from 'react'
import { useT } from '../i18n/i18n.tsx'

/** How long a toast stays while nobody points at it or has focus in it (WEB-3). */
export const TOAST_MS = 10_000

/**
 * A message with one action (e.g. restore). It goes away after TOAST_MS, but not while the
 * pointer is on it or focus is in it, so there is time to react; what it offers must also be
 * reachable elsewhere (the "removed" lists).
 */
export function Toast({
  message,
  actionLabel,
  onAction,
  onDismiss,
  testId = 'toast',
  focusAction = true,
}: {
  message: string
  actionLabel: string
  onAction: () => void
  onDismiss: () => void
  testId?: string
  /**
   * Put focus on the action (after this person's own removal, whose button is gone). Off for a
   * notice that arrives while someone types: the toast itself takes focus, so the next key
   * cannot press its button, and Tab reaches the button.
   */
  focusAction?: boolean
}) {
  const t = useT()
  const action = useRef<HTMLButtonElement>(null)
  const box = useRef<HTMLDivElement>(null)
  const [held, setHeld] = useState({ pointer: false, focus: false })
  const focusActionRef = useRef(focusAction)
  useEffect(() => {
    if (focusActionRef.current) action.current?.focus()
    else if (!document.activeElement || document.activeElement === document.body) {
      box.current?.focus()
    }
  }, [])
  const onDismissRef = useRef(onDismiss)
  onDismissRef.current = onDismiss
  const holding = held.pointer || held.focus
  useEffect(() => {
    if (holding) return
    const timer = setTimeout(() => onDismissRef.current(), TOAST_MS)
    return () => clearTimeout(timer)
  }, [holding, message])
  return (
    <div
      className="toast"
      ref={box}
      tabIndex={-1}
      role="status"
      data-testid={testId}
      onPointerEnter={() => setHeld((h) => ({ ...h, pointer: true }))}
      onPointerLeave={() => setHeld((h) => ({ ...h, pointer: false }))}
      onFocus={() => setHeld((h) => ({ ...h, focus: true }))}
      onBlur={(event) => {
        const next = event.relatedTarget
        if (next instanceof Node && event.currentTarget.contains(next)) return
        setHeld((h) => ({ ...h, focus: false }))
      }}
    >
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
