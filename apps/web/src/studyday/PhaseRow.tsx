import {
  goToPhase,
  isPhaseFormat,
  MAX_PHASE_MINUTES,
  PHASE_FORMAT_LABELS,
  PHASE_FORMATS,
  phaseText,
  Root,
  setPhaseSectionLinked,
  updatePhase,
  type PhaseView,
  type SectionView,
} from '@koers/doc-model'
import { useId, useState } from 'react'
import type * as Y from 'yjs'
import { ConfirmRemove } from '../common/ConfirmRemove.tsx'
import { MoveControls } from '../common/MoveControls.tsx'
import type { SortableRenderProps } from '../common/SortableList.tsx'
import { useTextField } from '../common/useTextField.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { serverNow } from './serverClock.ts'

interface Props {
  doc: Y.Doc
  phase: PhaseView
  index: number
  total: number
  current: boolean
  sections: SectionView[]
  sortable: SortableRenderProps
  onMove: (toIndex: number) => void
  onRemove: () => void
}

/** One phase of the agenda, editable in place (STUDY-1). */
export function PhaseRow({
  doc,
  phase,
  index,
  total,
  current,
  sections,
  sortable,
  onMove,
  onRemove,
}: Props) {
  const { t, language } = useI18n()
  const id = useId()
  const name = phase.title.trim() || t.studyDay.numberedPhase(index + 1)
  const title = useTextField<HTMLInputElement>([Root.session], (d) =>
    phaseText(d, phase.id, 'title'),
  )
  const notes = useTextField<HTMLTextAreaElement>([Root.session], (d) =>
    phaseText(d, phase.id, 'notes'),
  )
  const [minutes, setMinutes] = useState<string | null>(null)
  const linkedTitles = sections.filter((s) => phase.sections.includes(s.id)).map((s) => s.title)

  return (
    <div
      ref={sortable.setNodeRef}
      style={sortable.style}
      className={`phase${current ? ' phase--current' : ''}${sortable.isDragging ? ' phase--dragging' : ''}`}
      data-testid={`phase-${phase.id}`}
      aria-current={current ? 'step' : undefined}
    >
      <div className="phase__head">
        <span className="phase__number" aria-hidden="true">
          {index + 1}
        </span>
        <label className="visually-hidden" htmlFor={`${id}-title`}>
          {t.studyDay.phaseTitleLabel(index + 1)}
        </label>
        <input id={`${id}-title`} className="input phase__title" {...title} />
        <MoveControls
          name={name}
          index={index}
          total={total}
          onMove={onMove}
          handle={sortable.handle}
        />
        <ConfirmRemove
          label={t.studyDay.removePhase(name)}
          question={t.studyDay.removePhaseConfirm(name)}
          onConfirm={onRemove}
        />
      </div>
      <div className="phase__fields">
        <label className="inline-field">
          <span className="inline-field__label">{t.studyDay.minutesLabel}</span>
          <input
            className="input input--small"
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_PHASE_MINUTES}
            value={minutes ?? String(phase.minutes)}
            onChange={(event) => {
              setMinutes(event.target.value)
              const value = Number(event.target.value)
              if (event.target.value !== '' && Number.isFinite(value)) {
                updatePhase(doc, phase.id, { minutes: value })
              }
            }}
            onBlur={() => setMinutes(null)}
          />
        </label>
        <label className="inline-field">
          <span className="inline-field__label">{t.studyDay.formatLabel}</span>
          <select
            className="select"
            value={phase.format}
            onChange={(event) => {
              const format = event.target.value
              if (isPhaseFormat(format)) updatePhase(doc, phase.id, { format })
            }}
          >
            {PHASE_FORMATS.map((format) => (
              <option key={format} value={format}>
                {PHASE_FORMAT_LABELS[format][language]}
              </option>
            ))}
          </select>
        </label>
        {!current && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => goToPhase(doc, phase.id, serverNow())}
          >
            {t.studyDay.startThis}
            <span className="visually-hidden">: {name}</span>
          </button>
        )}
        {current && <strong className="phase__now">{t.studyDay.currentBadge}</strong>}
      </div>
      <details className="phase__more">
        <summary>
          {t.studyDay.sectionsAndNotes}
          {linkedTitles.length > 0 && <span className="muted"> · {linkedTitles.join(', ')}</span>}
        </summary>
        <fieldset className="phase__sections">
          <legend>{t.studyDay.linkedSections}</legend>
          {sections.map((section) => (
            <label key={section.id} className="checkbox">
              <input
                type="checkbox"
                checked={phase.sections.includes(section.id)}
                onChange={(event) =>
                  setPhaseSectionLinked(doc, phase.id, section.id, event.target.checked)
                }
              />
              {section.title || t.sections.untitled}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-notes`}>{t.studyDay.notesLabel}</label>
          <p className="muted" id={`${id}-notes-help`}>
            {t.studyDay.notesHelp}
          </p>
          <textarea
            id={`${id}-notes`}
            className="input"
            rows={3}
            aria-describedby={`${id}-notes-help`}
            {...notes}
          />
        </div>
      </details>
    </div>
  )
}
