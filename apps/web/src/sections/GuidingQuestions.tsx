import { Root, sectionQuestionsText } from '@koers/doc-model'
import type { SectionView } from '@koers/doc-model'
import { useId, useRef, useState } from 'react'
import { sameRef, useDocValue } from '../common/useDocValue.ts'
import { useYTextBinding } from '../common/useYTextBinding.ts'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'

export function GuidingQuestions({ section }: { section: SectionView }) {
  const t = useT()
  const id = useId()
  const { doc, readOnly } = useWorkspace()
  const [open, setOpen] = useState(true)
  const textarea = useRef<HTMLTextAreaElement>(null)
  // the Y.Text instance can be replaced by a concurrent write of the whole field
  const ytext = useDocValue(
    doc,
    [Root.sections],
    (d) => sectionQuestionsText(d, section.id) ?? null,
    sameRef,
  )
  useYTextBinding(textarea, open && !readOnly ? (ytext ?? undefined) : undefined)

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
        {readOnly || !ytext ? (
          section.questions.length > 0 ? (
            <ul className="questions__list">
              {section.questions.map((question, index) => (
                <li key={index}>{question}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t.sections.noQuestions}</p>
          )
        ) : (
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
            />
          </>
        )}
      </div>
    </div>
  )
}
