import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { ApiError, createWorkspace } from '../api/client.ts'
import type { CreatedWorkspace } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'

export function CreateWorkspaceForm({
  onCreated,
}: {
  onCreated: (workspace: CreatedWorkspace, title: string) => void
}) {
  const { t, language } = useI18n()
  const id = useId()
  const [title, setTitle] = useState('')
  const [school, setSchool] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [showRequired, setShowRequired] = useState(false)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!title.trim() || !school.trim()) {
      setShowRequired(true)
      return
    }
    setBusy(true)
    setError('')
    try {
      const created = await createWorkspace({
        title: title.trim(),
        school: school.trim(),
        language,
      })
      onCreated(created, title.trim())
    } catch (caught) {
      const forbidden =
        caught instanceof ApiError && (caught.status === 401 || caught.status === 403)
      setError(forbidden ? t.homePage.createNotAllowed : t.homePage.createFailed)
    } finally {
      setBusy(false)
    }
  }

  const titleMissing = showRequired && !title.trim()
  const schoolMissing = showRequired && !school.trim()
  return (
    <form className="card stack" onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t.homePage.createTitle}</h2>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t.homePage.titleLabel}</label>
        <input
          id={`${id}-title`}
          className="input"
          value={title}
          maxLength={200}
          placeholder={t.homePage.titlePlaceholder}
          aria-invalid={titleMissing || undefined}
          aria-describedby={titleMissing ? `${id}-title-error` : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
        {titleMissing && (
          <p className="field__error" id={`${id}-title-error`}>
            {t.homePage.required}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-school`}>{t.homePage.schoolLabel}</label>
        <input
          id={`${id}-school`}
          className="input"
          value={school}
          maxLength={200}
          autoComplete="organization"
          aria-invalid={schoolMissing || undefined}
          aria-describedby={schoolMissing ? `${id}-school-error` : undefined}
          onChange={(event) => setSchool(event.target.value)}
        />
        {schoolMissing && (
          <p className="field__error" id={`${id}-school-error`}>
            {t.homePage.required}
          </p>
        )}
      </div>
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.homePage.creating : t.homePage.create}
        </button>
      </div>
      <p role="alert" className="form-error">
        {error}
      </p>
    </form>
  )
}
