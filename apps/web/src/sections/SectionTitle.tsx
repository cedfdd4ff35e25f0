import { Root, editableSectionTitle, sectionTitleText } from '@koers/doc-model'
import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { sameRef, useDocValue } from '../common/useDocValue.ts'
import { useYTextBinding } from '../common/useYTextBinding.ts'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'

/**
 * The section heading, with an inline rename field for people who may write. The field is bound
 * to the title's Y.Text (DM-20): every keystroke is saved and merges with someone else renaming
 * the same section at the same time; "Klaar", Enter or Escape close it.
 */
export function SectionTitle({
  sectionId,
  title,
  number,
  renameFirst = false,
}: {
  sectionId: string
  title: string
  number: number
  /** A section just added: open the rename field with the title selected. */
  renameFirst?: boolean
}) {
  const t = useT()
  const id = useId()
  const { doc, readOnly } = useWorkspace()
  const [editing, setEditing] = useState(renameFirst && !readOnly)
  const input = useRef<HTMLInputElement>(null)
  const renameButton = useRef<HTMLButtonElement>(null)
  const shown = title || t.sections.untitled
  const open = editing && !readOnly
  const ytext = useDocValue(
    doc,
    [Root.sections],
    (d) => (open ? (sectionTitleText(d, sectionId) ?? null) : null),
    sameRef,
  )
  useYTextBinding(input, ytext ?? undefined)
  // after the binding filled the field: select the whole title, ready to type over
  useEffect(() => {
    if (open) input.current?.select()
  }, [open])

  function start(): void {
    editableSectionTitle(doc, sectionId)
    setEditing(true)
  }

  function finish(): void {
    setEditing(false)
    requestAnimationFrame(() => renameButton.current?.focus())
  }

  function submit(event: FormEvent): void {
    event.preventDefault()
    finish()
  }

  if (open) {
    return (
      <form className="rename-form" onSubmit={submit}>
        <label htmlFor={`${id}-title`}>{t.sections.titleLabel}</label>
        <div className="rename-form__row">
          <input
            id={`${id}-title`}
            ref={input}
            className="input"
            maxLength={300}
            autoFocus
            aria-describedby={`${id}-live`}
            data-testid={`section-title-input-${sectionId}`}
            onKeyDown={(event) => {
              if (event.key === 'Escape') finish()
            }}
          />
          <button type="submit" className="button button--primary">
            {t.removal.titleDone}
          </button>
        </div>
        <p className="visually-hidden" id={`${id}-live`}>
          {t.removal.titleLive}
        </p>
      </form>
    )
  }
  return (
    <div className="section__title-row">
      <span className="section__number" aria-hidden="true">
        {number}
      </span>
      <h2 className="section__title" id={`section-title-${sectionId}`} tabIndex={-1}>
        {shown}
      </h2>
      {!readOnly && (
        <button
          type="button"
          ref={renameButton}
          className="icon-button"
          aria-label={t.sections.renameLabel(shown)}
          title={t.sections.rename}
          onClick={start}
        >
          <span aria-hidden="true">✎</span>
        </button>
      )}
    </div>
  )
}
