import { DialogButton } from '../common/DialogButton.tsx'
import { useT } from '../i18n/i18n.tsx'
import { ShareDialog } from './ShareDialog.tsx'
import './share.css'

/** "Delen" for the facilitator (PERM-15): the invite links. */
export function ShareButton({ workspaceId }: { workspaceId: string }) {
  const t = useT()
  return (
    <DialogButton
      label={t.share.open}
      icon="↗"
      name="share-button"
      testId="share-open"
      dialog={(close) => <ShareDialog workspaceId={workspaceId} onClose={close} />}
    />
  )
}
