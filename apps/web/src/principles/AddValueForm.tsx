import { Icon } from '../common/Icon.tsx'
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { useT } from '../i18n/i18n.tsx'

/** "Add your own value": a small disclosure with one input. */
export function AddValueForm({ onAdd }: { onAdd: (label: string) => void }) {
  const t = useT()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [label, setLabel] = useState('')
  function submit(event: FormEvent): void {
    event.preventDefault()
    if (label.trim()) onAdd(label)
    setLabel('')
    setOpen(false)
  }
  if (!open) {
    return (
      <button type="button" className="tag tag--add" onClick={() => setOpen(true)}>
        <Icon name="plus" />
        {t.principles.addValue}
      </button>
    )
  }
  return (
    <form className="add-value" onSubmit={submit}>
      <label htmlFor={`${id}-value`} className="visually-hidden">
        {t.principles.newValueLabel}
      </label>
      <input
        id={`${id}-value`}
        className="input input--small"
        value={label}
        maxLength={40}
        autoFocus
        placeholder={t.principles.newValueLabel}
        onChange={(event) => setLabel(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false)
        }}
      />
      <button type="submit" className="button">
        {t.principles.addValue}
      </button>
    </form>
  )
}
