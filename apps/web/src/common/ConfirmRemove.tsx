import { useState } from 'react'
import { Icon } from './Icon.tsx'
import { useT } from '../i18n/i18n.tsx'

/** A remove button that first asks: the question, "remove" and "cancel" (focused, the safe choice). */
export function ConfirmRemove({
  label,
  question,
  onConfirm,
}: {
  /** "Verwijder …": the accessible name of both remove buttons */
  label: string
  question?: string
  onConfirm: () => void
}) {
  const t = useT()
  const [confirming, setConfirming] = useState(false)
  if (!confirming) {
    return (
      <button
        type="button"
        className="icon-button icon-button--danger"
        aria-label={label}
        title={label}
        onClick={() => setConfirming(true)}
      >
        <Icon name="trash" />
      </button>
    )
  }
  return (
    <span className="confirm" role="group" aria-label={label}>
      {question && <span className="confirm__text">{question}</span>}
      <button
        type="button"
        className="button button--danger"
        onClick={() => {
          setConfirming(false)
          onConfirm()
        }}
      >
        {label}
      </button>
      <button
        type="button"
        className="button button--quiet"
        autoFocus
        onClick={() => setConfirming(false)}
      >
        {t.cancel}
      </button>
    </span>
  )
}
