import {
  agendaProgress,
  nextPhase,
  PHASE_FORMAT_LABELS,
  previousPhase,
  startAgenda,
} from '@koers/doc-model'
import type * as Y from 'yjs'
import { useI18n } from '../i18n/i18n.tsx'
import { serverNow, useServerNow } from './serverClock.ts'
import { TimerControls } from './TimerControls.tsx'
import { TimerDisplay } from './TimerDisplay.tsx'
import type { StudyDayState } from './useStudyDay.ts'

const minutes = (ms: number) => Math.round(ms / 60_000)

/** Console: where the day is, start / back / next, the timer, planned versus actual (STUDY-5). */
export function RunPanel({ doc, day }: { doc: Y.Doc; day: StudyDayState }) {
  const { t, language } = useI18n()
  const now = useServerNow(1_000)
  const index = day.phases.findIndex((phase) => phase.id === day.agenda.current)
  const phase = index >= 0 ? day.phases[index] : undefined
  const progress = agendaProgress(day.phases, day.agenda, now)
  const delay = minutes(progress.delayMs)
  const ended = !phase && day.agenda.dayStartedAt > 0
  return (
    <section
      className="card stack console__card"
      aria-labelledby="console-now"
      data-testid="run-panel"
    >
      <h2 id="console-now">{t.studyDay.nowTitle}</h2>
      {phase ? (
        <div className="console__phase">
          <p className="muted">{t.studyDay.phaseOf(index + 1, day.phases.length)}</p>
          <p className="console__phase-title" data-testid="console-current-phase">
            {phase.title || t.studyDay.untitledPhase}
          </p>
          <p className="muted">
            {PHASE_FORMAT_LABELS[phase.format][language]} ·{' '}
            {t.studyDay.minutesPlanned(phase.minutes)}
          </p>
          {phase.notes && (
            <p className="console__notes">
              <strong>{t.studyDay.notesLabel}:</strong> {phase.notes}
            </p>
          )}
        </div>
      ) : (
        <p className="muted">{ended ? t.studyDay.dayEnded : t.studyDay.notStarted}</p>
      )}
      <div className="button-row" role="group" aria-label={t.studyDay.phaseControls}>
        {!phase ? (
          <button
            type="button"
            className="button button--primary"
            disabled={day.phases.length === 0}
            onClick={() => startAgenda(doc, serverNow())}
          >
            {ended ? t.studyDay.startAgain : t.studyDay.start}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button"
              aria-disabled={index === 0 || undefined}
              onClick={() => previousPhase(doc, serverNow())}
            >
              ← {t.studyDay.back}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => nextPhase(doc, serverNow())}
            >
              {index === day.phases.length - 1 ? t.studyDay.finish : `${t.studyDay.next} →`}
            </button>
          </>
        )}
      </div>
      <TimerDisplay timer={day.timer} size="large" label={t.studyDay.timer} />
      <TimerControls doc={doc} timer={day.timer} phaseMinutes={phase?.minutes ?? null} />
      <p className="console__progress" data-testid="day-progress">
        {t.studyDay.plannedActual(minutes(progress.plannedMs), minutes(progress.actualMs))}
        {day.agenda.dayStartedAt > 0 && (
          <>
            {' · '}
            <strong className={delay > 0 ? 'late' : undefined}>
              {delay > 0
                ? t.studyDay.behind(delay)
                : delay < 0
                  ? t.studyDay.ahead(-delay)
                  : t.studyDay.onSchedule}
            </strong>
          </>
        )}
      </p>
    </section>
  )
}
