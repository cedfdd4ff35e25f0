import { cleanDisplayText, DISPLAY_NAME_MAX } from '@koers/protocol'
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { ApiError, NetworkError, createSession } from '../api/client.ts'
import { AppHeader } from '../common/AppHeader.tsx'
import { useT } from '../i18n/i18n.tsx'
import { navigate, workspacePath } from '../routing/router.ts'
import { displayTextError } from '../common/displayTextError.ts'
import { lastDisplayName, rememberDisplayName } from '../storage/displayName.ts'
import { findJoinedWorkspace, saveJoinedWorkspace } from '../storage/joinedWorkspaces.ts'

export function JoinPage({ joinKey }: { joinKey: string }) {
  const t = useT()
  const id = useId()
  const [name, setName] = useState(lastDisplayName)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState(joinKey ? '' : t.joinPage.noKey)
  const [invalid, setInvalid] = useState(false)

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
    setBusy(true)
    setError('')
    setInvalid(false)
    try {
      const session = await createSession({ key: joinKey, displayName })
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
      else if (caught instanceof ApiError && caught.status === 429) setError(t.limits.joinThrottled)
      else if (caught instanceof ApiError && caught.status >= 400 && caught.status < 500) {
        setError(t.joinPage.invalidLink)
      } else setError(t.joinPage.failed)
      setBusy(false)
    }
  }

  return (
    <>
      <AppHeader />
      <main id="main" className="page page--narrow stack-lg" tabIndex={-1}>
        <form className="card stack" onSubmit={(event) => void submit(event)} noValidate>
          <h1>{t.joinPage.title}</h1>
          <p>{t.joinPage.intro}</p>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t.joinPage.nameLabel}</label>
            <input
              id={`${id}-name`}
              className="input"
              value={name}
              autoComplete="name"
              autoFocus
              aria-invalid={invalid || undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => setName(event.target.value)}
              disabled={!joinKey}
            />
          </div>
          <div>
            <button type="submit" className="button button--primary" disabled={busy || !joinKey}>
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
