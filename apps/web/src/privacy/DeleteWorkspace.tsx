import { cleanDisplayText, TITLE_MAX } from '@koers/protocol'
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { ApiError, NetworkError, deleteWorkspace } from '../api/client.ts'
import { useAnnounce } from '../common/Announcer.tsx'
import { useT } from '../i18n/i18n.tsx'
import { navigate } from '../routing/router.ts'
import { forgetWorkspace, setFlash } from '../storage/forgetWorkspace.ts'

const same = (a: string, b: string): boolean =>
  cleanDisplayText(a, TITLE_MAX).text === cleanDisplayText(b, TITLE_MAX).text

/**
 * PRIV-8: the facilitator's "Werkruimte verwijderen". Asks to type the title first; on 204 the
 * browser's own copy is erased and the home page says it is done.
 */
export function DeleteWorkspace({ workspaceId, title }: { workspaceId: string; title: string }) {
  const t = useT()
  const d = t.deleteWorkspace
  const id = useId()
  const announce = useAnnounce()
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!same(typed, title)) {
      setError(d.mismatch)
      return
    }
    setBusy(true)
    setError('')
    try {
      await deleteWorkspace(workspaceId)
      forgetWorkspace(workspaceId)
      setFlash(d.done(title))
      announce(d.done(title))
      navigate('/', { replace: true })
    } catch (caught) {
      setError(caught instanceof NetworkError ? d.offline : d.failed)
      if (caught instanceof ApiError && caught.status === 401) setError(d.failed)
      setBusy(false)
    }
  }

  return (
    <section className="stack danger-zone" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{d.title}</h3>
      <p className="muted">{d.intro}</p>
      {!open ? (
        <div>
          <button
            type="button"
            className="button button--danger"
            data-testid="delete-workspace"
            onClick={() => setOpen(true)}
          >
            {d.open}
          </button>
        </div>
      ) : (
        <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-confirm`}>{d.confirmLabel(title)}</label>
            <input
              id={`${id}-confirm`}
              className="input"
              value={typed}
              autoComplete="off"
              autoFocus
              aria-invalid={error === d.mismatch || undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => setTyped(event.target.value)}
            />
          </div>
          <div className="button-row">
            <button type="submit" className="button button--danger" disabled={busy}>
              {busy ? d.deleting : d.confirm}
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setOpen(false)
                setTyped('')
                setError('')
              }}
            >
              {t.cancel}
            </button>
          </div>
          <p role="alert" id={`${id}-error`} className="form-error">
            {error}
          </p>
        </form>
      )}
    </section>
  )
}
