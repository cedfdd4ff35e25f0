import { useEffect, useRef } from 'react'
import { keyFromLink } from '../api/client.ts'
import type { CreatedWorkspace } from '../api/client.ts'
import { CopyField } from '../common/CopyField.tsx'
import { useT } from '../i18n/i18n.tsx'
import { navigate } from '../routing/router.ts'
import { keepLinks } from '../storage/inviteLinks.ts'

/** The three links of a new workspace, shown once, with which one to share with whom. */
export function CreatedLinks({ workspace }: { workspace: CreatedWorkspace }) {
  const t = useT()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [])
  // PERM-15: the facilitator finds these again under "Delen" in the workspace.
  useEffect(
    () =>
      keepLinks(workspace.id, { editor: workspace.links.editor, viewer: workspace.links.viewer }),
    [workspace],
  )
  const facilitatorKey = keyFromLink(workspace.links.facilitator)
  return (
    <section className="card stack" aria-labelledby="created-title" data-testid="created-links">
      <h2 id="created-title" tabIndex={-1} ref={headingRef}>
        {t.created.title}
      </h2>
      <p>{t.created.intro}</p>
      <CopyField
        label={t.created.editor}
        help={t.created.editorHelp}
        value={workspace.links.editor}
        testId="link-editor"
      />
      <CopyField
        label={t.created.viewer}
        help={t.created.viewerHelp}
        value={workspace.links.viewer}
        testId="link-viewer"
      />
      <CopyField
        label={t.created.facilitator}
        help={t.created.facilitatorHelp}
        value={workspace.links.facilitator}
        testId="link-facilitator"
      />
      <div>
        <button
          type="button"
          className="button button--primary"
          onClick={() => navigate(`/join#${encodeURIComponent(facilitatorKey)}`)}
        >
          {t.created.continue}
        </button>
      </div>
    </section>
  )
}
