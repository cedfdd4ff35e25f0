import { PHASE_FORMAT_LABELS } from '@koers/doc-model'
import { useI18n } from '../i18n/i18n.tsx'
import { TimerDisplay } from './TimerDisplay.tsx'
import type { StudyDayState } from './useStudyDay.ts'

/** The current phase and the shared timer, shown to everyone while the day runs (STUDY-5). */
export function PhaseBar({
  day,
  onSection,
}: {
  day: StudyDayState
  onSection: (id: string) => void
}) {
  const { t, language } = useI18n()
  const index = day.phases.findIndex((phase) => phase.id === day.agenda.current)
  const phase = day.phases[index]
  if (!phase) return null
  return (
    <section className="phase-bar" aria-label={t.studyDay.phaseBarLabel} data-testid="phase-bar">
      <div className="phase-bar__text">
        <span className="phase-bar__step">{t.studyDay.phaseOf(index + 1, day.phases.length)}</span>
        <strong className="phase-bar__title" data-testid="current-phase">
          {phase.title || t.studyDay.untitledPhase}
        </strong>
        <span className="phase-bar__format">{PHASE_FORMAT_LABELS[phase.format][language]}</span>
        {phase.sections.length > 0 && (
          <button
            type="button"
            className="button button--quiet phase-bar__go"
            onClick={() => onSection(phase.sections[0]!)}
          >
            {t.studyDay.goToSection}
          </button>
        )}
      </div>
      <TimerDisplay timer={day.timer} size="small" signal />
    </section>
  )
}
