import {
  addTime,
  pauseTimer,
  resetTimer,
  resumeTimer,
  startTimer,
  updateTimer,
  type TimerState,
} from '@koers/doc-model'
import type * as Y from 'yjs'
import { useT } from '../i18n/i18n.tsx'
import { serverNow } from './serverClock.ts'

const MIN = 60_000

/** Start, pause, resume, +1 / +5 minutes, reset; each a pure command on the stored timer. */
export function TimerControls({
  doc,
  timer,
  phaseMinutes,
}: {
  doc: Y.Doc
  timer: TimerState
  /** The current phase's plan, used when a stopped timer is started. */
  phaseMinutes: number | null
}) {
  const t = useT()
  const run = (command: (timer: TimerState, now: number) => TimerState) =>
    updateTimer(doc, (current) => command(current, serverNow()))
  const startDuration = timer.durationMs > 0 ? timer.durationMs : (phaseMinutes ?? 10) * MIN
  return (
    <div className="button-row" role="group" aria-label={t.studyDay.timerControls}>
      {timer.status === 'stopped' && (
        <button
          type="button"
          className="button"
          onClick={() => run((current, now) => startTimer(current, now, startDuration))}
        >
          {t.studyDay.timerStart}
        </button>
      )}
      {timer.status === 'running' && (
        <button type="button" className="button" onClick={() => run(pauseTimer)}>
          {t.studyDay.timerPause}
        </button>
      )}
      {timer.status === 'paused' && (
        <button type="button" className="button" onClick={() => run(resumeTimer)}>
          {t.studyDay.timerResume}
        </button>
      )}
      <button
        type="button"
        className="button"
        onClick={() => run((current) => addTime(current, MIN))}
      >
        +1 min<span className="visually-hidden"> {t.studyDay.addMinutesHidden}</span>
      </button>
      <button
        type="button"
        className="button"
        onClick={() => run((current) => addTime(current, 5 * MIN))}
      >
        +5 min<span className="visually-hidden"> {t.studyDay.addMinutesHidden}</span>
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={() =>
          run((current) =>
            resetTimer(current, phaseMinutes === null ? undefined : phaseMinutes * MIN),
          )
        }
      >
        {t.studyDay.timerReset}
      </button>
    </div>
  )
}
