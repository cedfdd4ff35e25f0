import { readLocal, writeLocal } from '../storage/localStore.ts'

// STUDY-12: an optional soft chime at zero, made with the Web Audio API (no file is fetched).
// Browsers start audio only after a gesture on the page, so the context is made on a click.

const KEY = 'koers.timerSound'
let context: AudioContext | null = null

export function isSoundOn(): boolean {
  return readLocal(KEY) === '1'
}

export function setSoundOn(on: boolean): void {
  writeLocal(KEY, on ? '1' : '0')
  if (on) unlockSound()
}

/** Call from a click or key handler: creates or resumes the audio context. */
export function unlockSound(): void {
  try {
    context ??= new AudioContext()
    void context.resume()
  } catch {
    context = null
  }
}

/** Two soft rising tones, about a second long, at a fifth of full volume. */
export function playChime(): void {
  if (!context || context.state !== 'running') return
  const start = context.currentTime
  for (const [index, frequency] of [660, 880].entries()) {
    const at = start + index * 0.35
    const oscillator = context.createOscillator()
    const gain = context.createGain()
    oscillator.type = 'sine'
    oscillator.frequency.value = frequency
    gain.gain.setValueAtTime(0, at)
    gain.gain.linearRampToValueAtTime(0.2, at + 0.04)
    gain.gain.exponentialRampToValueAtTime(0.001, at + 0.9)
    oscillator.connect(gain).connect(context.destination)
    oscillator.start(at)
    oscillator.stop(at + 0.95)
  }
}
