import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'

/** What a section shows instead of an editor that cannot show its body (WEB-6). */
export function BrokenSection({
  sectionId,
  onRepair,
}: {
  sectionId: string
  onRepair: () => void
}) {
  const t = useT()
  const { role, readOnly } = useWorkspace()
  const canRepair = role === 'facilitator' && !readOnly
  return (
    <div className="notice notice--error" role="alert" data-testid={`section-broken-${sectionId}`}>
      <p>
        <strong>{t.sections.brokenTitle}</strong>
      </p>
      <p>{t.sections.brokenBody}</p>
      {canRepair ? (
        <p>
          <button
            type="button"
            className="button"
            onClick={onRepair}
            data-testid={`section-repair-${sectionId}`}
          >
            {t.sections.repair}
          </button>{' '}
          <span>{t.sections.repairHint}</span>
        </p>
      ) : (
        <p>{t.sections.askRepair}</p>
      )}
    </div>
  )
}
