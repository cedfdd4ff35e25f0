import { useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { useCompact } from './useMediaQuery.ts'

interface Props {
  label: string
  /** A text glyph, hidden from screen readers; on a phone only it shows (the name stays). */
  icon: string
  /** Block name for styling, on the button. */
  name: string
  testId: string
  dialog: (close: () => void) => ReactNode
}

/** A header button that opens a dialog; focus returns to it when the dialog closes. */
export function DialogButton({ label, icon, name, testId, dialog }: Props) {
  const compact = useCompact()
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const close = (): void => {
    setOpen(false)
    buttonRef.current?.focus()
  }
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={`button ${name}`}
        data-testid={testId}
        aria-haspopup="dialog"
        aria-label={compact ? label : undefined}
        title={compact ? label : undefined}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true" className="dialog-button__icon">
          {icon}
        </span>
        {!compact && ` ${label}`}
      </button>
      {open && dialog(close)}
    </>
  )
}
