import { Root, sectionQuestionsText } from '@koers/doc-model'
import type { SectionView } from '@koers/doc-model'
import { useId, useRef, useState } from 'react'
import { sameRef, useDocValue } from '../common/useDocValue.ts'
import { COMPACT_QUERY } from '../common/useMediaQuery.ts'
import { useYTextBinding } from '../common/useYTextBinding.ts'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'

export function GuidingQuestions({ section }: { section: SectionView }) {
  const t = useT()
  const id = useId()
  const { doc, readOnly } = useWorkspace()
  // On a phone they start folded, one line, so the text comes first.
  const [open, setOpen] = useState(() => !window.matchMedia(COMPACT_QUERY).matches)
  // Shown as a list, so nobody mistakes them for the place to write; editing is one click away.
  const [editing, setEditing] = useState(false)
  const textarea = useRef<HTMLTextAreaElement>(null)
  const editButton = useRef<HTMLButtonElement>(null)
  // the Y.Text instance can be replaced by a concurrent write of the whole field
  const ytext = useDocValue(
    doc,
    [Root.sections],
    (d) => sectionQuestionsText(d, section.id) ?? null,
    sameRef,
  )
  const canEdit = !readOnly && ytext !== null
  useYTextBinding(textarea, open && editing && canEdit ? ytext : undefined)

  function stopEditing(): void {
    setEditing(false)
    requestAnimationFrame(() => editButton.current?.focus())
  }

  return (
    <div className="questions">
      <button
        type="button"
        className="disclosure"
        aria-expanded={open}
        aria-controls={`${id}-body`}
        onClick={() => setOpen(!open)}
      >
        <span className="disclosure__icon" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {t.sections.guidingQuestions}
        {!open && <span className="muted"> ({section.questions.length})</span>}
      </button>
      <div id={`${id}-body`} hidden={!open} className="questions__body">
        {editing && canEdit ? (
          <>
            <label htmlFor={`${id}-text`} className="visually-hidden">
              {t.sections.questionsLabel(section.title)}
            </label>
            <textarea
              id={`${id}-text`}
              ref={textarea}
              className="textarea questions__text"
              rows={Math.max(2, section.questions.length)}
              data-testid={`questions-${section.id}`}
              autoFocus
              onKeyDown={(event) => {
                if (event.key === 'Escape') stopEditing()
              }}
            />
            <button type="button" className="button button--quiet" onClick={stopEditing}>
              {t.sections.questionsDone}
            </button>
          </>
        ) : (
          <>
            {section.questions.length > 0 ? (
              <ul className="questions__list">
                {section.questions.map((question, index) => (
                  <li key={index}>{question}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t.sections.noQuestions}</p>
            )}
            {canEdit && (
              <button
                type="button"
                ref={editButton}
                className="button button--quiet"
                onClick={() => setEditing(true)}
              >
                {t.sections.editQuestions}
                <span className="visually-hidden"> {section.title}</span>
              </button>
            )}
          </>
        )}
      </div>
    </div>
  )
}
