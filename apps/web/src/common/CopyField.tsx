import { useId, useState } from 'react'
import { useT } from '../i18n/i18n.tsx'

/** A read-only link with a copy button and a spoken confirmation. */
export function CopyField({
  label,
  help,
  value,
  testId,
}: {
  label: string
  help: string
  value: string
  testId: string
}) {
  const t = useT()
  const id = useId()
  const [feedback, setFeedback] = useState('')
  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(value)
      setFeedback(t.created.copied)
    } catch {
      setFeedback(t.created.copyFailed)
    }
  }
  return (
    <div className="copy-field">
      <label htmlFor={id} className="copy-field__label">
        {label}
      </label>
      <p className="help" id={`${id}-help`}>
        {help}
      </p>
      <div className="copy-field__row">
        <input
          id={id}
          className="input copy-field__input"
          readOnly
          value={value}
          aria-describedby={`${id}-help`}
          data-testid={testId}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {t.created.copy(label.toLowerCase())}
        </button>
      </div>
      <p className="copy-field__feedback" aria-live="polite">
        {feedback}
      </p>
    </div>
  )
}
