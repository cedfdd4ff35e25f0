import { describe, expect, it } from 'vitest'
import {
  addTime,
  formatTimer,
  MAX_TIMER_MS,
  pauseTimer,
  readTimerAt,
  remainingAt,
  resetTimer,
  resumeTimer,
  startTimer,
  STOPPED_TIMER,
} from './timer.ts'

const MIN = 60_000
const T0 = 1_800_000_000_000

describe('STUDY-3 the shared timer as server-time instants', () => {
  it('counts down from the start, pauses, resumes where it was, and adds minutes', () => {
    let timer = startTimer(STOPPED_TIMER, T0, 10 * MIN)
    expect(remainingAt(timer, T0)).toBe(10 * MIN)
    expect(remainingAt(timer, T0 + 3 * MIN)).toBe(7 * MIN)
    timer = pauseTimer(timer, T0 + 3 * MIN)
    expect(timer).toEqual({
      status: 'paused',
      durationMs: 10 * MIN,
      startedAt: 0,
      elapsedMs: 3 * MIN,
    })
    // While paused, time does not run.
    expect(remainingAt(timer, T0 + 60 * MIN)).toBe(7 * MIN)
    timer = resumeTimer(timer, T0 + 20 * MIN)
    expect(remainingAt(timer, T0 + 21 * MIN)).toBe(6 * MIN)
    timer = addTime(timer, 5 * MIN)
    expect(remainingAt(timer, T0 + 21 * MIN)).toBe(11 * MIN)
    timer = addTime(timer, MIN)
    expect(remainingAt(timer, T0 + 21 * MIN)).toBe(12 * MIN)
  })

  it('counts overtime past zero instead of stopping', () => {
    const timer = startTimer(STOPPED_TIMER, T0, MIN)
    expect(readTimerAt(timer, T0 + 59_001)).toEqual({
      status: 'running',
      seconds: 1,
      overtime: false,
    })
    expect(readTimerAt(timer, T0 + MIN)).toEqual({ status: 'running', seconds: 0, overtime: true })
    expect(readTimerAt(timer, T0 + MIN + 61_500)).toEqual({
      status: 'running',
      seconds: 61,
      overtime: true,
    })
    expect(formatTimer(readTimerAt(timer, T0 + MIN + 61_500))).toBe('+1:01')
    expect(formatTimer(readTimerAt(timer, T0))).toBe('1:00')
    expect(formatTimer(readTimerAt(startTimer(timer, T0, 90 * MIN), T0))).toBe('1:30:00')
  })

  it('rounds remaining time up, so zero shows exactly when the time is up', () => {
    const timer = startTimer(STOPPED_TIMER, T0, 5_000)
    expect(readTimerAt(timer, T0 + 1).seconds).toBe(5)
    expect(readTimerAt(timer, T0 + 4_999).seconds).toBe(1)
    expect(readTimerAt(timer, T0 + 5_000)).toMatchObject({ seconds: 0, overtime: true })
  })

  it('resets to stopped with the same or a new duration', () => {
    const running = startTimer(STOPPED_TIMER, T0, 10 * MIN)
    expect(resetTimer(running)).toEqual({
      status: 'stopped',
      durationMs: 10 * MIN,
      startedAt: 0,
      elapsedMs: 0,
    })
    expect(resetTimer(running, 3 * MIN).durationMs).toBe(3 * MIN)
    expect(readTimerAt(resetTimer(running), T0 + 99 * MIN)).toEqual({
      status: 'stopped',
      seconds: 600,
      overtime: false,
    })
  })

  it('treats commands out of order as harmless no-ops', () => {
    expect(pauseTimer(STOPPED_TIMER, T0)).toBe(STOPPED_TIMER)
    expect(resumeTimer(STOPPED_TIMER, T0)).toBe(STOPPED_TIMER)
    const running = startTimer(STOPPED_TIMER, T0, MIN)
    expect(resumeTimer(running, T0 + 5)).toBe(running)
    const paused = pauseTimer(running, T0 + 10)
    expect(pauseTimer(paused, T0 + 20)).toBe(paused)
    expect(addTime(running, -MIN)).toBe(running)
    expect(addTime(running, Number.NaN)).toBe(running)
    // A stopped timer of zero shows 0:00, not overtime.
    expect(readTimerAt(STOPPED_TIMER, T0)).toEqual({
      status: 'stopped',
      seconds: 0,
      overtime: false,
    })
  })

  it('never counts a start in the future and clamps durations', () => {
    const timer = startTimer(STOPPED_TIMER, T0, MIN)
    expect(remainingAt(timer, T0 - 5_000)).toBe(MIN)
    expect(startTimer(STOPPED_TIMER, T0, -5).durationMs).toBe(0)
    expect(startTimer(STOPPED_TIMER, T0, 10 * MAX_TIMER_MS).durationMs).toBe(MAX_TIMER_MS)
    expect(addTime(startTimer(STOPPED_TIMER, T0, MAX_TIMER_MS), 5 * MIN).durationMs).toBe(
      MAX_TIMER_MS,
    )
  })
})
