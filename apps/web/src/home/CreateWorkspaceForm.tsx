import { cleanDisplayText, TITLE_MAX, type DisplayTextProblem } from '@koers/protocol'
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { ApiError, createWorkspace } from '../api/client.ts'
import type { CreatedWorkspace } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { displayTextError } from '../common/displayTextError.ts'

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
  const [showProblems, setShowProblems] = useState(false)
  // SEC-8: the same cleaning and limits as the server.
  const cleanTitle = cleanDisplayText(title, TITLE_MAX)
  const cleanSchool = cleanDisplayText(school, TITLE_MAX)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (cleanTitle.problem || cleanSchool.problem) {
      setShowProblems(true)
      return
    }
    setBusy(true)
    setError('')
    try {
      const created = await createWorkspace({
        title: cleanTitle.text,
        school: cleanSchool.text,
        language,
      })
      onCreated(created, cleanTitle.text)
    } catch (caught) {
      setError(createError(caught))
    } finally {
      setBusy(false)
    }
  }

  function createError(caught: unknown): string {
    if (!(caught instanceof ApiError)) return t.homePage.createFailed
    if (caught.status === 401 || caught.status === 403) return t.homePage.createNotAllowed
    if (caught.status === 429) return t.limits.createThrottled
    if (caught.status === 507) return t.limits.createFull
    return t.homePage.createFailed
  }

  const problemText = (problem: DisplayTextProblem | null): string =>
    !showProblems || !problem
      ? ''
      : problem === 'empty'
        ? t.homePage.required
        : displayTextError(t, problem, TITLE_MAX)
  const titleProblem = problemText(cleanTitle.problem)
  const schoolProblem = problemText(cleanSchool.problem)
  const titleMissing = titleProblem !== ''
  const schoolMissing = schoolProblem !== ''
  return (
    <form className="card stack" onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t.homePage.createTitle}</h2>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t.homePage.titleLabel}</label>
        <input
          id={`${id}-title`}
          className="input"
          value={title}
          placeholder={t.homePage.titlePlaceholder}
          aria-invalid={titleMissing || undefined}
          aria-describedby={titleMissing ? `${id}-title-error` : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
        {titleMissing && (
          <p className="field__error" id={`${id}-title-error`}>
            {titleProblem}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-school`}>{t.homePage.schoolLabel}</label>
        <input
          id={`${id}-school`}
          className="input"
          value={school}
          autoComplete="organization"
          aria-invalid={schoolMissing || undefined}
          aria-describedby={schoolMissing ? `${id}-school-error` : undefined}
          onChange={(event) => setSchool(event.target.value)}
        />
        {schoolMissing && (
          <p className="field__error" id={`${id}-school-error`}>
            {schoolProblem}
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
