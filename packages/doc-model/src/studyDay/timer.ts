/**
 * The shared timer as pure arithmetic over server-time instants (STUDY-3). The document holds
 * only when the current run started and how much had elapsed before it, so every screen computes
 * the same remaining time from its own estimate of the server's clock; nothing ticks in the
 * document. Every command is total: a command that does not apply (pause a stopped timer,
 * resume a running one) returns the state unchanged.
 */

export const TIMER_STATUSES = ['stopped', 'running', 'paused'] as const
export type TimerStatus = (typeof TIMER_STATUSES)[number]

export interface TimerState {
  status: TimerStatus
  /** The time set for this run, additions included. */
  durationMs: number
  /** Server time (ms) when the current run started; 0 unless running. */
  startedAt: number
  /** Time elapsed before `startedAt` (earlier runs before a pause). */
  elapsedMs: number
}

/** The longest a timer may be set to: a whole study day. */
export const MAX_TIMER_MS = 12 * 60 * 60_000

export const STOPPED_TIMER: TimerState = {
  status: 'stopped',
  durationMs: 0,
  startedAt: 0,
  elapsedMs: 0,
}

const clampDuration = (ms: number): number =>
  Number.isFinite(ms) ? Math.min(MAX_TIMER_MS, Math.max(0, Math.round(ms))) : 0

export function isTimerStatus(value: unknown): value is TimerStatus {
  return typeof value === 'string' && (TIMER_STATUSES as readonly string[]).includes(value)
}

/** Time used so far; a start in the future (a clock estimate moving back) counts as zero. */
export function elapsedAt(timer: TimerState, now: number): number {
  const running = timer.status === 'running' ? Math.max(0, now - timer.startedAt) : 0
  return timer.elapsedMs + running
}

/** Remaining time; below zero is overtime. */
export function remainingAt(timer: TimerState, now: number): number {
  return timer.durationMs - elapsedAt(timer, now)
}

export function startTimer(_timer: TimerState, now: number, durationMs: number): TimerState {
  return { status: 'running', durationMs: clampDuration(durationMs), startedAt: now, elapsedMs: 0 }
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
  if (timer.status !== 'running') return timer
  return { ...timer, status: 'paused', startedAt: 0, elapsedMs: elapsedAt(timer, now) }
}

export function resumeTimer(timer: TimerState, now: number): TimerState {
  if (timer.status !== 'paused') return timer
  return { ...timer, status: 'running', startedAt: now }
}

/** +1 / +5 minutes: more time for this run, whatever its status (also into overtime). */
export function addTime(timer: TimerState, ms: number): TimerState {
  if (!Number.isFinite(ms) || ms <= 0) return timer
  return { ...timer, durationMs: clampDuration(timer.durationMs + ms) }
}

/** Back to the start: stopped, with the same (or a new) duration. */
export function resetTimer(timer: TimerState, durationMs = timer.durationMs): TimerState {
  return { status: 'stopped', durationMs: clampDuration(durationMs), startedAt: 0, elapsedMs: 0 }
}

export interface TimerReading {
  status: TimerStatus
  /** Whole seconds shown: remaining (rounded up) or, in overtime, past zero (rounded down). */
  seconds: number
  overtime: boolean
}

/**
 * What a screen shows at `now`. Remaining time rounds up (0:01 until the last millisecond), so
 * zero shows exactly when the time is up, on every screen with the same server-time estimate.
 */
export function readTimerAt(timer: TimerState, now: number): TimerReading {
  const remaining = remainingAt(timer, now)
  if (remaining > 0) {
    return { status: timer.status, seconds: Math.ceil(remaining / 1000), overtime: false }
  }
  const over = Math.floor(Math.max(0, -remaining) / 1000)
  return { status: timer.status, seconds: over, overtime: timer.durationMs > 0 || over > 0 }
}

/** `m:ss`, or `h:mm:ss` from an hour, with `+` in overtime. */
export function formatTimer(reading: TimerReading): string {
  const total = reading.seconds
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  const body =
    hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
  return reading.overtime ? `+${body}` : body
}
