import { useT } from '../i18n/i18n.tsx'

/** The adoption status pill; presentational, so the home page needs no document model. */
export function Badge({ status, label }: { status: string; label: string }) {
  const t = useT()
  return (
    <span className={`badge badge--${status}`} data-testid="status-badge" data-status={status}>
      <span className="visually-hidden">{t.workspace.status}: </span>
      {label}
    </span>
  )
}
