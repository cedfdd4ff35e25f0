import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { ApiError, NetworkError, type CreatedWorkspace } from '../api/client.ts'
import { useT } from '../i18n/i18n.tsx'
import { importBackup } from '../versions/versionsApi.ts'
import '../versions/versions.css'

const MAX_BYTES = 16 * 1024 * 1024

/** VER-7: "Werkruimte importeren": a backup file becomes a new workspace with new links. */
export function ImportWorkspaceForm({
  onImported,
}: {
  onImported: (workspace: CreatedWorkspace) => void
}) {
  const t = useT()
  const d = t.deliver
  const id = useId()
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!file) return setError(d.importChoose)
    if (file.size > MAX_BYTES) return setError(d.importTooLarge)
    setBusy(true)
    setError('')
    try {
      onImported(await importBackup(await file.text()))
    } catch (caught) {
      if (caught instanceof NetworkError) setError(d.offline)
      else if (!(caught instanceof ApiError)) setError(d.importFailed)
      else if (caught.status === 401 || caught.status === 403) setError(t.homePage.createNotAllowed)
      else if (caught.status === 429) setError(t.limits.createThrottled)
      else if (caught.status === 507) setError(t.limits.createFull)
      else if (caught.status === 413) setError(d.importTooLarge)
      else if (caught.status === 400) setError(d.importInvalid(caught.message))
      else setError(d.importFailed)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="card stack import-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="import-form"
    >
      <h2 id={`${id}-title`}>{d.importTitle}</h2>
      <p className="muted">{d.importIntro}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{d.importFile}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </div>
      <div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? d.importing : d.import}
        </button>
      </div>
      <p role="alert" id={`${id}-error`} className="form-error">
        {error}
      </p>
    </form>
  )
}
