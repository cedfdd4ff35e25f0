import { Root, readMeta } from '@koers/doc-model'
import { Link } from '../common/Link.tsx'
import { useDocValue } from '../common/useDocValue.ts'
import { formatDate } from '../i18n/formatDate.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { DeleteWorkspace } from './DeleteWorkspace.tsx'
import { localDay, useRetention } from './useRetention.ts'
import './privacy.css'

/** The "Privacy en bewaren" part of Gegevens: retention, the privacy page, deleting (PRIV-6–8). */
export function PrivacySection() {
  const { t, language } = useI18n()
  const { doc, role, workspaceId } = useWorkspace()
  const meta = useDocValue(doc, [Root.meta], readMeta)
  const retention = useRetention(workspaceId, true)
  const title = meta.title || t.workspace.untitled
  return (
    <section className="stack" aria-labelledby="privacy-section-title">
      <h2 id="privacy-section-title">{t.privacySection.title}</h2>
      <p data-testid="retention-info">
        {retention
          ? t.privacySection.retention(
              formatDate(localDay(new Date(retention.deletesAt)), language),
            )
          : t.privacySection.noRetention}
      </p>
      <p>
        <Link href="/privacy">{t.privacySection.readMore}</Link>
      </p>
      {role === 'facilitator' && <DeleteWorkspace workspaceId={workspaceId} title={title} />}
    </section>
  )
}
