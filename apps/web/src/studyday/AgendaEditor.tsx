import {
  addDefaultAgenda,
  addPhase,
  listSections,
  movePhase,
  removePhase,
  Root,
} from '@koers/doc-model'
import { useMemo } from 'react'
import type * as Y from 'yjs'
import { AddButton } from '../common/AddButton.tsx'
import { SortableList } from '../common/SortableList.tsx'
import { useDocValue } from '../common/useDocValue.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { PhaseRow } from './PhaseRow.tsx'
import type { StudyDayState } from './useStudyDay.ts'

/** Console: the agenda of the day — add, edit, reorder (drag or buttons), remove (STUDY-1). */
export function AgendaEditor({ doc, day }: { doc: Y.Doc; day: StudyDayState }) {
  const { t, language } = useI18n()
  const sections = useDocValue(doc, [Root.sections], listSections)
  const ids = useMemo(() => day.phases.map((phase) => phase.id), [day.phases])
  const names = useMemo(
    () =>
      new Map(day.phases.map((p, i) => [p.id, p.title.trim() || t.studyDay.numberedPhase(i + 1)])),
    [day.phases, t],
  )
  const total = day.phases.reduce((sum, phase) => sum + phase.minutes, 0)
  return (
    <section className="card stack console__card console__agenda" aria-labelledby="console-agenda">
      <h2 id="console-agenda">{t.studyDay.agendaTitle}</h2>
      <p className="muted" data-testid="agenda-total">
        {t.studyDay.agendaTotal(day.phases.length, total)}
      </p>
      {day.phases.length === 0 && (
        <div className="stack">
          <p>{t.studyDay.agendaEmpty}</p>
          <div>
            <button
              type="button"
              className="button button--primary"
              data-testid="add-default-agenda"
              onClick={() => addDefaultAgenda(doc, language)}
            >
              {t.studyDay.addDefaultAgenda}
            </button>
          </div>
        </div>
      )}
      <div className="phase-list" data-testid="agenda">
        <SortableList
          ids={ids}
          nameOf={(id) => names.get(id) ?? ''}
          onMove={(id, toIndex) => movePhase(doc, id, toIndex)}
          renderItem={(id, index, sortable) => {
            const phase = day.phases[index]
            if (!phase || phase.id !== id) return null
            return (
              <PhaseRow
                key={id}
                doc={doc}
                phase={phase}
                index={index}
                total={day.phases.length}
                current={phase.id === day.agenda.current}
                sections={sections}
                sortable={sortable}
                onMove={(toIndex) => movePhase(doc, id, toIndex)}
                onRemove={() => removePhase(doc, id)}
              />
            )
          }}
        />
      </div>
      <AddButton
        label={t.studyDay.addPhase}
        testId="add-phase"
        onClick={() =>
          addPhase(doc, { title: t.studyDay.newPhaseTitle, minutes: 10, after: ids.at(-1) })
        }
      />
    </section>
  )
}
