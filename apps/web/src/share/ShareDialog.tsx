import { REPLACEABLE_ROLES } from '@koers/protocol'
import { useEffect, useId, useRef } from 'react'
import { useT } from '../i18n/i18n.tsx'
import { useKeptLinks } from '../storage/inviteLinks.ts'
import { ShareLink } from './ShareLink.tsx'

/**
 * The facilitator's "Delen" panel (PERM-15): the editor and viewer links this browser kept, each
 * with a copy button and a way to replace it. A native modal <dialog>, like the export dialog.
 */
export function ShareDialog({
  workspaceId,
  onClose,
}: {
  workspaceId: string
  onClose: () => void
}) {
  const t = useT()
  const id = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const links = useKeptLinks(workspaceId)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  return (
    <dialog
      ref={dialogRef}
      className="dialog share-dialog"
      aria-labelledby={`${id}-title`}
      data-testid="share-dialog"
      onClose={onClose}
    >
      <div className="stack">
        <h2 id={`${id}-title`}>{t.share.title}</h2>
        <p className="muted">{t.share.intro}</p>
        {REPLACEABLE_ROLES.map((role) => (
          <ShareLink key={role} workspaceId={workspaceId} role={role} link={links[role]} />
        ))}
        <div>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => dialogRef.current?.close()}
          >
            {t.close}
          </button>
        </div>
      </div>
    </dialog>
  )
}
