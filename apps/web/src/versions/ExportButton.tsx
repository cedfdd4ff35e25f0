import { useRef, useState } from 'react'
import { useCompact } from '../common/useMediaQuery.ts'
import { useT } from '../i18n/i18n.tsx'
import { ExportDialog } from './ExportDialog.tsx'

/**
 * "Exporteren" on every workspace page, for every role (EXP-16); focus returns to it. On a phone
 * only its icon shows (its name stays "Exporteren"), so it shares a line with the presence
 * button even with 300 people present (PRES-1).
 */
export function ExportButton({ workspaceId }: { workspaceId: string }) {
  const t = useT()
  const compact = useCompact()
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button export-button"
        data-testid="export-open"
        aria-haspopup="dialog"
        aria-label={compact ? t.deliver.exportOpen : undefined}
        title={compact ? t.deliver.exportOpen : undefined}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true" className="export-button__icon">
          ⤓
        </span>
        {!compact && ` ${t.deliver.exportOpen}`}
      </button>
      {open && (
        <ExportDialog
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
