import type { Me } from '../api/client.ts'
import { formatDate } from '../i18n/formatDate.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { localDay, retentionDueSoon } from './useRetention.ts'
import './privacy.css'

/** PRIV-6: a calm notice from 14 days before the retention period deletes the workspace. */
export function RetentionNotice({ retention }: { retention: Me['retention'] }) {
  const { t, language } = useI18n()
  const due = retentionDueSoon(retention)
  if (!due) return null
  return (
    <p className="notice notice--info" data-testid="retention-notice">
      {t.retentionNotice(formatDate(localDay(due), language))}
    </p>
  )
}
