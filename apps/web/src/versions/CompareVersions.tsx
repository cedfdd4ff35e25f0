import type { VersionInfo } from '@koers/protocol'
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import type * as Y from 'yjs'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { CompareView } from './CompareView.tsx'
import { fetchVersionDoc } from './versionsApi.ts'

const NOW = 'now'

/** Pick two versions, or a version and "nu", and see what changed between them. */
export function CompareVersions({
  versions,
  when,
}: {
  versions: VersionInfo[]
  when: (iso: string) => string
}) {
  const d = useT().deliver
  const id = useId()
  const { workspaceId, doc } = useWorkspace()
  const [from, setFrom] = useState(versions[0]?.id ?? '')
  const [to, setTo] = useState(NOW)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [result, setResult] = useState<{ older: Y.Doc; newer: Y.Doc; heading: string } | null>(null)

  const nameOf = (choice: string): string =>
    choice === NOW ? d.now : (versions.find((v) => v.id === choice)?.name ?? '')
  const docOf = (choice: string): Promise<Y.Doc> =>
    choice === NOW ? Promise.resolve(doc) : fetchVersionDoc(workspaceId, choice)

  async function compare(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (from === to) {
      setError(d.compareSame)
      return
    }
    setBusy(true)
    setError('')
    try {
      const [older, newer] = await Promise.all([docOf(from), docOf(to)])
      setResult({ older, newer, heading: d.compareHeading(nameOf(from), nameOf(to)) })
    } catch {
      setError(d.compareFailed)
    } finally {
      setBusy(false)
    }
  }

  const options = (
    <>
      <option value={NOW}>{d.now}</option>
      {versions.map((version) => (
        <option key={version.id} value={version.id}>
          {version.name} ({when(version.createdAt)})
        </option>
      ))}
    </>
  )
  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{d.compareTitle}</h3>
      <form className="versions__compare" onSubmit={(event) => void compare(event)}>
        <div className="field">
          <label htmlFor={`${id}-from`}>{d.compareFrom}</label>
          <select
            id={`${id}-from`}
            className="select"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
          >
            {options}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{d.compareTo}</label>
          <select
            id={`${id}-to`}
            className="select"
            value={to}
            onChange={(event) => setTo(event.target.value)}
          >
            {options}
          </select>
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? d.comparing : d.compare}
        </button>
      </form>
      <p role="alert" className="form-error">
        {error}
      </p>
      {result && (
        <>
          <CompareView older={result.older} newer={result.newer} heading={result.heading} />
          <div>
            <button type="button" className="button button--quiet" onClick={() => setResult(null)}>
              {d.closeCompare}
            </button>
          </div>
        </>
      )}
    </section>
  )
}
