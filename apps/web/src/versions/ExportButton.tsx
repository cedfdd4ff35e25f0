import { useRef, useState } from 'react'
import { useT } from '../i18n/i18n.tsx'
import { ExportDialog } from './ExportDialog.tsx'

/** "Exporteren" on every workspace page, for every role (EXP-16); focus returns to it. */
export function ExportButton({ workspaceId }: { workspaceId: string }) {
  const t = useT()
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
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true" className="export-button__icon">
          ⤓
        </span>{' '}
        {t.deliver.exportOpen}
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
