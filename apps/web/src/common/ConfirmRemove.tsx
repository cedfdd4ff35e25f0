import { useState } from 'react'
import { ConfirmBox } from './ConfirmBox.tsx'
import { Icon } from './Icon.tsx'

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
    <ConfirmBox
      label={label}
      question={question}
      onConfirm={() => {
        setConfirming(false)
        onConfirm()
      }}
      onCancel={() => setConfirming(false)}
    />
  )
}
