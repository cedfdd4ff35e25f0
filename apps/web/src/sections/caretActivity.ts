import type { Awareness } from 'y-protocols/awareness'

/** How long after someone's last move their caret label stays visible. */
export const CARET_LABEL_MS = 1500
const IDLE_CLASS = 'collaboration-carets__caret--idle'

type Change = { added: number[]; updated: number[]; removed: number[] }

/**
 * Which remote carets moved lately. With sixty people in one section the labels would cover the
 * text, so a caret's label fades (CSS on the idle class) `CARET_LABEL_MS` after that person's
 * last awareness change and shows again on the next. One timer per person who is moving.
 */
class CaretActivity {
  private readonly carets = new Map<number, HTMLElement>()
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>()

  constructor(awareness: Awareness) {
    awareness.on('change', ({ added, updated, removed }: Change) => {
      for (const id of added) this.moved(id)
      for (const id of updated) this.moved(id)
      for (const id of removed) this.forget(id)
    })
  }

  /** Remembers the caret element ProseMirror shows for a person; idle ones start without label. */
  track(caret: HTMLElement, clientId: number): HTMLElement {
    this.carets.set(clientId, caret)
    caret.classList.toggle(IDLE_CLASS, !this.timers.has(clientId))
    return caret
  }

  private moved(clientId: number): void {
    clearTimeout(this.timers.get(clientId))
    this.carets.get(clientId)?.classList.remove(IDLE_CLASS)
    this.timers.set(
      clientId,
      setTimeout(() => {
        this.timers.delete(clientId)
        this.carets.get(clientId)?.classList.add(IDLE_CLASS)
      }, CARET_LABEL_MS),
    )
  }

  private forget(clientId: number): void {
    clearTimeout(this.timers.get(clientId))
    this.timers.delete(clientId)
    this.carets.delete(clientId)
  }
}

const byAwareness = new WeakMap<Awareness, CaretActivity>()

/** The one activity tracker of an awareness instance (shared by all section editors). */
export function caretActivityFor(awareness: Awareness): CaretActivity {
  let activity = byAwareness.get(awareness)
  if (!activity) {
    activity = new CaretActivity(awareness)
    byAwareness.set(awareness, activity)
  }
  return activity
}
