import { useT } from '../i18n/i18n.tsx'

/** The question before removing: "remove" and "cancel" (focused, the safe choice). */
export function ConfirmBox({
  label,
  question,
  onConfirm,
  onCancel,
}: {
  /** "Verwijder …": the group's name and the remove button's text */
  label: string
  question?: string
  onConfirm: () => void
  onCancel: () => void
}) {
  const t = useT()
  return (
    <span className="confirm" role="group" aria-label={label} data-testid="confirm">
      {question && <span className="confirm__text">{question}</span>}
      <span className="confirm__buttons">
        <button type="button" className="button button--danger confirm__remove" onClick={onConfirm}>
          {label}
        </button>
        <button type="button" className="button button--quiet" autoFocus onClick={onCancel}>
          {t.cancel}
        </button>
      </span>
    </span>
  )
}
