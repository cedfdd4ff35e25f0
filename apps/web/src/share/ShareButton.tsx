import { useRef, useState } from 'react'
import { useCompact } from '../common/useMediaQuery.ts'
import { useT } from '../i18n/i18n.tsx'
import { ShareDialog } from './ShareDialog.tsx'
import './share.css'

/** "Delen" for the facilitator (PERM-15): the invite links; focus returns here on close. */
export function ShareButton({ workspaceId }: { workspaceId: string }) {
  const t = useT()
  const compact = useCompact()
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button share-button"
        data-testid="share-open"
        aria-haspopup="dialog"
        aria-label={compact ? t.share.open : undefined}
        title={compact ? t.share.open : undefined}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true" className="share-button__icon">
          ↗
        </span>
        {!compact && ` ${t.share.open}`}
      </button>
      {open && (
        <ShareDialog
          workspaceId={workspaceId}
          onClose={() => {
            setOpen(false)
            buttonRef.current?.focus()
          }}
        />
      )}
    </>
  )
}
