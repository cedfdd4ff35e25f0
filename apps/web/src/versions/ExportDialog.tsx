import { EXPORT_FORMAT_NAMES, type ExportFormatName } from '@koers/protocol'
import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { ApiError, NetworkError } from '../api/client.ts'
import { useAnnounce } from '../common/Announcer.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { downloadExport, exportUrl, type ExportChoice } from './versionsApi.ts'
import './versions.css'

/**
 * The export dialog (EXP-16): format, language, guiding questions, appendix. The file is fetched
 * from the API with an indeterminate progress bar and a cancel button (EXP-19), then handed to
 * the browser as a download. A native modal <dialog>: focus stays inside, Escape closes it.
 */
export function ExportDialog({
  workspaceId,
  version,
  onClose,
}: {
  workspaceId: string
  /** Export this version instead of the live document. */
  version?: { id: string; name: string }
  onClose: () => void
}) {
  const { t, language } = useI18n()
  const d = t.deliver
  const id = useId()
  const announce = useAnnounce()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [choice, setChoice] = useState<ExportChoice>({
    format: 'docx',
    lang: language,
    questions: false,
    appendix: false,
  })
  const [running, setRunning] = useState<AbortController | null>(null)
  const [message, setMessage] = useState('')

  // No close() on cleanup: React's development double effect would close it for good (the
  // `close` event comes later); unmounting takes the dialog out of the page anyway.
  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  useEffect(() => () => running?.abort(), [running])

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (running) return
    const controller = new AbortController()
    setRunning(controller)
    setMessage('')
    try {
      const file = await downloadExport(
        exportUrl(workspaceId, choice, version?.id),
        controller.signal,
      )
      setMessage(d.exportDone(file))
      announce(d.exportDone(file))
    } catch (caught) {
      if (controller.signal.aborted) setMessage(d.exportCancelled)
      else if (caught instanceof NetworkError) setMessage(d.offline)
      else if (caught instanceof ApiError && caught.status === 503) setMessage(d.exportBusy)
      else setMessage(d.exportFailed)
    } finally {
      setRunning(null)
    }
  }

  const documentOnly = choice.format === 'json'
  const title = version ? d.exportVersionTitle(version.name) : d.exportTitle
  return (
    <dialog
      ref={dialogRef}
      className="dialog export-dialog"
      aria-labelledby={`${id}-title`}
      data-testid="export-dialog"
      onClose={onClose}
    >
      <form className="stack" onSubmit={(event) => void submit(event)}>
        <h2 id={`${id}-title`}>{title}</h2>
        <p className="muted">{d.exportIntro}</p>
        <fieldset className="export-dialog__formats" disabled={running !== null}>
          <legend>{d.format}</legend>
          {EXPORT_FORMAT_NAMES.map((format: ExportFormatName) => (
            <label key={format} className="export-dialog__format">
              <input
                type="radio"
                name={`${id}-format`}
                value={format}
                checked={choice.format === format}
                onChange={() => setChoice({ ...choice, format })}
              />
              <span>
                <strong>{d.formats[format]}</strong>
                <span className="muted export-dialog__help">{d.formatHelp[format]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="export-dialog__options" disabled={running !== null || documentOnly}>
          <legend>{d.options}</legend>
          <div className="field">
            <label htmlFor={`${id}-lang`}>{d.language}</label>
            <select
              id={`${id}-lang`}
              className="select"
              value={choice.lang}
              onChange={(event) =>
                setChoice({ ...choice, lang: event.target.value === 'en' ? 'en' : 'nl' })
              }
            >
              <option value="nl">{d.languages.nl}</option>
              <option value="en">{d.languages.en}</option>
            </select>
          </div>
          <label className="deliver-check">
            <input
              type="checkbox"
              checked={choice.questions}
              onChange={(event) => setChoice({ ...choice, questions: event.target.checked })}
            />
            <span>{d.questions}</span>
          </label>
          <label className="deliver-check">
            <input
              type="checkbox"
              checked={choice.appendix}
              onChange={(event) => setChoice({ ...choice, appendix: event.target.checked })}
            />
            <span>{d.appendix}</span>
          </label>
        </fieldset>
        {running && (
          <div className="export-dialog__progress" data-testid="export-progress">
            <label htmlFor={`${id}-progress`}>{d.exporting}</label>
            <progress id={`${id}-progress`} aria-label={d.exportProgress} />
          </div>
        )}
        <p role="status" className="export-dialog__message" data-testid="export-message">
          {message}
        </p>
        <div className="deliver-buttons">
          {running ? (
            <button type="button" className="button" onClick={() => running.abort()}>
              {d.cancelExport}
            </button>
          ) : (
            <button type="submit" className="button button--primary">
              {d.download}
            </button>
          )}
          <button
            type="button"
            className="button button--quiet"
            // Closing the modal first lets focus go back to the page (onClose runs on `close`).
            onClick={() => dialogRef.current?.close()}
          >
            {t.close}
          </button>
        </div>
      </form>
    </dialog>
  )
}
