import { formatTimer, readTimerAt, type TimerState } from '@koers/doc-model'
import { useEffect, useRef, useState } from 'react'
import { useAnnounce } from '../common/Announcer.tsx'
import { useT } from '../i18n/i18n.tsx'
import { useServerNow } from './serverClock.ts'
import { isSoundOn, playChime, unlockSound } from './timerSound.ts'

/**
 * The shared timer as this screen shows it (STUDY-3): computed from the stored instants and this
 * device's estimate of the server's clock. With `signal`, reaching zero flashes, may chime, and
 * is announced to screen readers (STUDY-12); only one timer per page should signal.
 */
export function TimerDisplay({
  timer,
  size = 'medium',
  signal = false,
  label,
}: {
  timer: TimerState
  size?: 'small' | 'medium' | 'large'
  signal?: boolean
  label?: string
}) {
  const t = useT()
  const announce = useAnnounce()
  const now = useServerNow()
  const reading = readTimerAt(timer, now)
  const [flashing, setFlashing] = useState(false)
  const wasOvertime = useRef(reading.overtime)

  // Browsers start audio only after a gesture: the first click or key on a signalling page
  // (the projector is clicked to go full screen) readies the chime when it is switched on.
  useEffect(() => {
    if (!signal) return
    const ready = () => {
      if (isSoundOn()) unlockSound()
    }
    window.addEventListener('pointerdown', ready)
    window.addEventListener('keydown', ready)
    return () => {
      window.removeEventListener('pointerdown', ready)
      window.removeEventListener('keydown', ready)
    }
  }, [signal])

  useEffect(() => {
    const crossedZero = reading.overtime && !wasOvertime.current && reading.status === 'running'
    wasOvertime.current = reading.overtime
    if (!crossedZero || !signal) return
    setFlashing(true)
    announce(t.studyDay.timeUp)
    if (isSoundOn()) playChime()
    const stop = setTimeout(() => setFlashing(false), 6_000)
    return () => clearTimeout(stop)
  }, [reading.overtime, reading.status, signal, announce, t])

  const state = reading.overtime ? 'overtime' : reading.status
  const text = formatTimer(reading)
  return (
    <div
      className={`timer timer--${size} timer--${state}${flashing ? ' timer--flash' : ''}`}
      data-testid="timer"
      data-state={state}
      data-seconds={reading.overtime ? -reading.seconds : reading.seconds}
    >
      {label && <span className="timer__label">{label}</span>}
      <span className="timer__time" aria-hidden="true">
        {text}
      </span>
      <span className="visually-hidden">
        {reading.overtime ? t.studyDay.timerOvertimeSr(text.slice(1)) : t.studyDay.timerSr(text)}
        {reading.status === 'paused' ? `, ${t.studyDay.timerPaused}` : ''}
      </span>
      {reading.status === 'paused' && (
        <span className="timer__status" aria-hidden="true">
          {t.studyDay.timerPaused}
        </span>
      )}
      {reading.overtime && (
        <span className="timer__status" aria-hidden="true">
          {t.studyDay.overtime}
        </span>
      )}
    </div>
  )
}
