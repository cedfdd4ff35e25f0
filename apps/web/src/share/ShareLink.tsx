import type { ReplaceableRole } from '@koers/protocol'
import { useId, useState } from 'react'
import { NetworkError, replaceLink } from '../api/client.ts'
import { useAnnounce } from '../common/Announcer.tsx'
import { CopyField } from '../common/CopyField.tsx'
import { useT } from '../i18n/i18n.tsx'
import { keepLinks } from '../storage/inviteLinks.ts'

/** One role's link in the share panel: copy it, or replace it (PERM-15, PERM-16). */
export function ShareLink({
  workspaceId,
  role,
  link,
}: {
  workspaceId: string
  role: ReplaceableRole
  link: string | undefined
}) {
  const t = useT()
  const s = t.share
  const id = useId()
  const announce = useAnnounce()
  const [asking, setAsking] = useState(false)
  const [endSessions, setEndSessions] = useState(false)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState({ text: '', failed: false })
  const text =
    role === 'editor'
      ? { title: s.editorTitle, label: s.editorLabel, help: s.editorHelp }
      : { title: s.viewerTitle, label: s.viewerLabel, help: s.viewerHelp }

  async function replace(): Promise<void> {
    setBusy(true)
    setMessage({ text: '', failed: false })
    try {
      const replaced = await replaceLink(workspaceId, { role, endSessions })
      keepLinks(workspaceId, { [role]: replaced.url })
      const done = endSessions ? s.replacedEnded : s.replaced
      setMessage({ text: done, failed: false })
      announce(done)
      setAsking(false)
      setEndSessions(false)
    } catch (caught) {
      setMessage({ text: caught instanceof NetworkError ? s.offline : s.failed, failed: true })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section
      className="share-link stack"
      aria-labelledby={`${id}-title`}
      data-testid={`share-${role}`}
    >
      <h3 id={`${id}-title`}>{text.title}</h3>
      {link ? (
        <CopyField label={text.label} help={text.help} value={link} testId={`share-link-${role}`} />
      ) : (
        <p className="muted" data-testid={`share-unknown-${role}`}>
          {s.unknown}
        </p>
      )}
      {asking ? (
        <div className="share-link__confirm stack" role="group" aria-labelledby={`${id}-question`}>
          <p id={`${id}-question`}>{s.replaceQuestion}</p>
          <label className="share-check">
            <input
              type="checkbox"
              checked={endSessions}
              aria-describedby={`${id}-end-help`}
              data-testid={`share-end-sessions-${role}`}
              onChange={(event) => setEndSessions(event.target.checked)}
            />
            <span>{s.endSessions}</span>
          </label>
          <p className="help" id={`${id}-end-help`}>
            {s.endSessionsHelp}
          </p>
          <div className="share-buttons">
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              data-testid={`share-confirm-${role}`}
              onClick={() => void replace()}
            >
              {s.confirm}
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={busy}
              onClick={() => setAsking(false)}
            >
              {t.cancel}
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button
            type="button"
            className="button"
            data-testid={`share-replace-${role}`}
            onClick={() => setAsking(true)}
          >
            {link ? s.replace : s.makeNew}
          </button>
        </div>
      )}
      <p
        role="status"
        className={`share-link__message${message.failed ? ' share-link__message--failed' : ''}`}
        data-testid={`share-message-${role}`}
      >
        {message.text}
      </p>
    </section>
  )
}
