import { renameSection } from '@koers/doc-model'
import { useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'

/** The section heading, with an inline rename form for people who may write. */
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
  const [draft, setDraft] = useState(title)
  const renameButton = useRef<HTMLButtonElement>(null)
  const shown = title || t.sections.untitled

  function finish(save: boolean): void {
    if (save && draft.trim()) renameSection(doc, sectionId, draft.trim())
    setEditing(false)
    requestAnimationFrame(() => renameButton.current?.focus())
  }

  function submit(event: FormEvent): void {
    event.preventDefault()
    finish(true)
  }

  if (editing) {
    return (
      <form className="rename-form" onSubmit={submit}>
        <label htmlFor={`${id}-title`}>{t.sections.titleLabel}</label>
        <div className="rename-form__row">
          <input
            id={`${id}-title`}
            className="input"
            value={draft}
            maxLength={200}
            autoFocus
            onFocus={(event) => event.target.select()}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') finish(false)
            }}
          />
          <button type="submit" className="button button--primary">
            {t.save}
          </button>
          <button type="button" className="button button--quiet" onClick={() => finish(false)}>
            {t.cancel}
          </button>
        </div>
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
          onClick={() => {
            setDraft(title)
            setEditing(true)
          }}
        >
          <span aria-hidden="true">✎</span>
        </button>
      )}
    </div>
  )
}
