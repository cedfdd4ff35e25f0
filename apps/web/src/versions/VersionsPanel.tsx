import { cleanDisplayText, VERSION_NAME_MAX, type VersionInfo } from '@koers/protocol'
import { useCallback, useEffect, useId, useState } from 'react'
import type { FormEvent } from 'react'
import type * as Y from 'yjs'
import { ApiError, NetworkError } from '../api/client.ts'
import { useAnnounce } from '../common/Announcer.tsx'
import { ConfirmBox } from '../common/ConfirmBox.tsx'
import { displayTextError } from '../common/displayTextError.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { CompareVersions } from './CompareVersions.tsx'
import { ExportDialog } from './ExportDialog.tsx'
import { VersionDocument } from './VersionDocument.tsx'
import { fetchVersionDoc, listVersions, restoreVersion, saveVersion } from './versionsApi.ts'
import './versions.css'

const REFRESH_MS = 15_000

/**
 * Gegevens → Versies (docs/versions.md): facilitators save a version with a name and restore one
 * after a confirmation; everyone lists them, opens one read-only, exports it and compares two.
 */
export function VersionsPanel() {
  const { t, language } = useI18n()
  const d = t.deliver
  const id = useId()
  const announce = useAnnounce()
  const { workspaceId, role } = useWorkspace()
  const facilitator = role === 'facilitator'
  const [versions, setVersions] = useState<VersionInfo[] | null>(null)
  const [loadError, setLoadError] = useState(false)
  const [name, setName] = useState('')
  const [busy, setBusy] = useState<'save' | 'restore' | null>(null)
  const [message, setMessage] = useState('')
  const [confirming, setConfirming] = useState<string | null>(null)
  const [exporting, setExporting] = useState<VersionInfo | null>(null)
  const [opened, setOpened] = useState<{ version: VersionInfo; doc: Y.Doc } | null>(null)

  const refresh = useCallback(async () => {
    try {
      setVersions(await listVersions(workspaceId))
      setLoadError(false)
    } catch {
      setLoadError(true)
    }
  }, [workspaceId])

  useEffect(() => {
    void refresh()
    const timer = setInterval(() => void refresh(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [refresh])

  const when = (iso: string): string =>
    new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(new Date(iso))

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    const cleaned = cleanDisplayText(name, VERSION_NAME_MAX)
    if (cleaned.problem) {
      setMessage(displayTextError(t, cleaned.problem, VERSION_NAME_MAX))
      return
    }
    setBusy('save')
    setMessage('')
    try {
      const saved = await saveVersion(workspaceId, cleaned.text)
      setName('')
      setMessage(d.saved(saved.name))
      announce(d.saved(saved.name))
      await refresh()
    } catch (caught) {
      setMessage(caught instanceof NetworkError ? d.offline : d.saveFailed)
    } finally {
      setBusy(null)
    }
  }

  async function restore(version: VersionInfo): Promise<void> {
    setConfirming(null)
    setBusy('restore')
    setMessage('')
    try {
      await restoreVersion(workspaceId, version.id)
      setMessage(d.restored(version.name))
      announce(d.restored(version.name))
      await refresh()
    } catch (caught) {
      setMessage(
        caught instanceof NetworkError
          ? d.offline
          : caught instanceof ApiError && caught.message
            ? `${d.restoreFailed} (${caught.message})`
            : d.restoreFailed,
      )
    } finally {
      setBusy(null)
    }
  }

  async function open(version: VersionInfo): Promise<void> {
    try {
      setOpened({ version, doc: await fetchVersionDoc(workspaceId, version.id) })
    } catch {
      setMessage(d.loadFailed)
    }
  }

  return (
    <section className="versions stack" aria-labelledby={`${id}-title`} data-testid="versions">
      <h2 id={`${id}-title`}>{d.versionsTitle}</h2>
      <p className="muted">{d.versionsIntro}</p>
      {facilitator && (
        <form className="versions__save" onSubmit={(event) => void save(event)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-name`}>{d.nameLabel}</label>
            <input
              id={`${id}-name`}
              className="input"
              value={name}
              placeholder={d.namePlaceholder}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary" disabled={busy !== null}>
            {busy === 'save' ? d.saving : d.saveVersion}
          </button>
        </form>
      )}
      <p role="status" className="versions__message" data-testid="versions-message">
        {busy === 'restore' ? d.restoring : message}
      </p>
      {loadError && <p className="form-error">{d.loadFailed}</p>}
      {versions && versions.length === 0 && <p className="muted">{d.empty}</p>}
      {versions && versions.length > 0 && (
        <ul className="versions__list" aria-label={d.listLabel} data-testid="versions-list">
          {versions.map((version) => (
            <li key={version.id} className="versions__item" data-testid="version-item">
              <div className="versions__item-text">
                <strong className="versions__name">{version.name}</strong>
                <span className="muted versions__meta">
                  {when(version.createdAt)} · {d.kinds[version.kind]}
                </span>
              </div>
              <div className="deliver-buttons versions__actions">
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={d.openLabel(version.name)}
                  onClick={() => void open(version)}
                >
                  {d.open}
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={d.exportVersionLabel(version.name)}
                  aria-haspopup="dialog"
                  onClick={() => setExporting(version)}
                >
                  {d.exportVersion}
                </button>
                {facilitator && (
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={d.restoreLabel(version.name)}
                    disabled={busy !== null}
                    onClick={() => setConfirming(version.id)}
                  >
                    {d.restore}
                  </button>
                )}
              </div>
              {confirming === version.id && (
                <ConfirmBox
                  label={d.restore}
                  question={d.restoreQuestion}
                  onConfirm={() => void restore(version)}
                  onCancel={() => setConfirming(null)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {opened && (
        <section
          className="versions__opened stack"
          aria-labelledby={`${id}-opened`}
          data-testid="version-opened"
        >
          <div className="versions__opened-head">
            <h3 id={`${id}-opened`}>{d.viewing(opened.version.name)}</h3>
            <button type="button" className="button button--quiet" onClick={() => setOpened(null)}>
              {d.closeVersion}
            </button>
          </div>
          <p className="muted">{d.viewingHelp}</p>
          <VersionDocument doc={opened.doc} />
        </section>
      )}
      {versions && versions.length > 0 && <CompareVersions versions={versions} when={when} />}
      {exporting && (
        <ExportDialog
          workspaceId={workspaceId}
          version={exporting}
          onClose={() => setExporting(null)}
        />
      )}
    </section>
  )
}
