import { DialogButton } from '../common/DialogButton.tsx'
import { useT } from '../i18n/i18n.tsx'
import { ExportDialog } from './ExportDialog.tsx'

/**
 * "Exporteren" on every workspace page, for every role (EXP-16). On a phone only its icon shows
 * (its name stays "Exporteren"), so it shares a line with the presence button even with 300
 * people present (PRES-1).
 */
export function ExportButton({ workspaceId }: { workspaceId: string }) {
  const t = useT()
  return (
    <DialogButton
      label={t.deliver.exportOpen}
      icon="⤓"
      name="export-button"
      testId="export-open"
      dialog={(close) => <ExportDialog workspaceId={workspaceId} onClose={close} />}
    />
  )
}
