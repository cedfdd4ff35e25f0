import { cleanDisplayText, DISPLAY_NAME_MAX, normalizeJoinCode } from '@koers/protocol'
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { ApiError, NetworkError, createSession } from '../api/client.ts'
import { AppHeader } from '../common/AppHeader.tsx'
import { useT } from '../i18n/i18n.tsx'
import { navigate, workspacePath } from '../routing/router.ts'
import { displayTextError } from '../common/displayTextError.ts'
import { lastDisplayName, rememberDisplayName } from '../storage/displayName.ts'
import { findJoinedWorkspace, saveJoinedWorkspace } from '../storage/joinedWorkspaces.ts'

/**
 * Join with a link key (`/join#<key>`), or with the study day's code (STUDY-9): `/j/<CODE>`
 * fills it in, `/join` without a key asks for it.
 */
export function JoinPage({ joinKey, code: initialCode = '' }: { joinKey: string; code?: string }) {
  const t = useT()
  const id = useId()
  const byCode = !joinKey
  const [name, setName] = useState(lastDisplayName)
  const [code, setCode] = useState(initialCode.toUpperCase())
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [invalid, setInvalid] = useState(false)
  const [codeInvalid, setCodeInvalid] = useState(false)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    // SEC-8: the same cleaning and limit as the server.
    const { text: displayName, problem } = cleanDisplayText(name, DISPLAY_NAME_MAX)
    if (problem) {
      setError(
        problem === 'empty'
          ? t.joinPage.nameRequired
          : displayTextError(t, problem, DISPLAY_NAME_MAX),
      )
      setInvalid(true)
      return
    }
    const normalized = byCode ? normalizeJoinCode(code) : null
    if (byCode && normalized === null) {
      setError(t.studyDay.codeFormat)
      setCodeInvalid(true)
      return
    }
    setBusy(true)
    setError('')
    setInvalid(false)
    setCodeInvalid(false)
    try {
      const session = await createSession(
        normalized !== null ? { code: normalized, displayName } : { key: joinKey, displayName },
      )
      rememberDisplayName(displayName)
      const known = findJoinedWorkspace(session.workspaceId)
      saveJoinedWorkspace({
        id: session.workspaceId,
        title: known?.title ?? '',
        status: known?.status,
        role: session.role,
        participantId: session.participantId,
        displayName,
      })
      // the key must not stay in the history entry
      navigate(workspacePath(session.workspaceId), { replace: true })
    } catch (caught) {
      if (caught instanceof NetworkError) setError(t.joinPage.offline)
      else if (caught instanceof ApiError && caught.status === 429) {
        setError(byCode ? t.studyDay.codeThrottled : t.limits.joinThrottled)
      } else if (byCode && caught instanceof ApiError && caught.status === 404) {
        setError(t.studyDay.codeUnknown)
        setCodeInvalid(true)
      } else if (byCode && caught instanceof ApiError && caught.status === 410) {
        setError(t.studyDay.codeClosed)
        setCodeInvalid(true)
      } else if (caught instanceof ApiError && caught.status >= 400 && caught.status < 500) {
        setError(byCode ? t.studyDay.codeFormat : t.joinPage.invalidLink)
      } else setError(t.joinPage.failed)
      setBusy(false)
    }
  }

  return (
    <>
      <AppHeader />
      <main id="main" className="page page--narrow stack-lg" tabIndex={-1}>
        <form className="card stack" onSubmit={(event) => void submit(event)} noValidate>
          <h1>{byCode ? t.studyDay.joinByCodeTitle : t.joinPage.title}</h1>
          <p>{byCode ? t.studyDay.joinByCodeIntro : t.joinPage.intro}</p>
          {byCode && (
            <div className="field">
              <label htmlFor={`${id}-code`}>{t.studyDay.codeLabel}</label>
              <input
                id={`${id}-code`}
                className="input input--code"
                value={code}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                autoFocus={!initialCode}
                aria-invalid={codeInvalid || undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                data-testid="join-code-input"
                onChange={(event) => setCode(event.target.value.toUpperCase())}
              />
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-name`}>{t.joinPage.nameLabel}</label>
            <input
              id={`${id}-name`}
              className="input"
              value={name}
              autoComplete="name"
              autoFocus={!byCode || initialCode !== ''}
              aria-invalid={invalid || undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t.joinPage.joining : t.joinPage.join}
            </button>
          </div>
          <p role="alert" id={`${id}-error`} className="form-error" data-testid="join-error">
            {error}
          </p>
        </form>
      </main>
    </>
  )
}
