import { sectionBody } from '@koers/doc-model'
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'

type Change = { added: number[]; updated: number[]; removed: number[] }
type Listener = (change: Change, origin: unknown) => void

/**
 * The awareness as one section's caret plugin sees it: only the other people whose presence
 * names this section. y-tiptap's cursor plugin redraws all carets of its editor on every
 * awareness change anywhere; with one editor per section that was every editor on every caret
 * move in the room, and on every own keystroke (the own caret is an awareness change too). Here
 * a change reaches the plugin only when someone in this section (or who just left it) changed,
 * and never for the own state, which the plugin does not draw.
 */
export function sectionAwareness(awareness: Awareness, sectionId: string): Awareness {
  const inSection = (state: Record<string, unknown> | undefined): boolean =>
    state?.['section'] === sectionId
  const ownsCursor = (): boolean => cursorInSection(awareness, sectionId)
  const wrappers = new Map<Listener, Listener>()

  const filtered = {
    get clientID() {
      return awareness.clientID
    },
    get doc() {
      return awareness.doc
    },
    getLocalState: () => awareness.getLocalState(),
    setLocalStateField: (field: string, value: unknown) => {
      // y-tiptap clears the shared `cursor` field whenever an editor is destroyed, wherever the
      // caret is: an editor mounting, unmounting or being rebuilt in another section would hide
      // the caret of someone typing here until their next key. Only this section's caret is ours.
      if (field === 'cursor' && value === null && !ownsCursor()) return
      awareness.setLocalStateField(field, value)
    },
    getStates: () => {
      const states = new Map<number, Record<string, unknown>>()
      awareness.getStates().forEach((state, clientId) => {
        if (clientId !== awareness.clientID && inSection(state)) states.set(clientId, state)
      })
      return states
    },
    on: (name: string, listener: Listener) => {
      if (name !== 'change') {
        awareness.on(name, listener)
        return
      }
      const shown = new Set<number>()
      const wrapped: Listener = (change, origin) => {
        let relevant = false
        const states = awareness.getStates()
        for (const id of [...change.added, ...change.updated]) {
          if (id === awareness.clientID) continue
          const here = inSection(states.get(id))
          if (here || shown.has(id)) relevant = true
          if (here) shown.add(id)
          else shown.delete(id)
        }
        for (const id of change.removed) if (shown.delete(id)) relevant = true
        if (relevant) listener(change, origin)
      }
      wrappers.set(listener, wrapped)
      awareness.on('change', wrapped)
    },
    off: (name: string, listener: Listener) => {
      const wrapped = name === 'change' ? wrappers.get(listener) : undefined
      wrappers.delete(listener)
      awareness.off(name, wrapped ?? listener)
    },
  }
  return filtered as unknown as Awareness
}

/** Whether the own caret (the awareness `cursor` field) is in this section's body. */
function cursorInSection(awareness: Awareness, sectionId: string): boolean {
  const cursor: unknown = awareness.getLocalState()?.['cursor']
  if (!cursor || typeof cursor !== 'object' || !('anchor' in cursor)) return false
  const position = Y.createAbsolutePositionFromRelativePosition(
    Y.createRelativePositionFromJSON(cursor.anchor),
    awareness.doc,
  )
  // A caret in text that is gone belongs to no one: any editor may clear it.
  if (!position) return true
  const body = sectionBody(awareness.doc, sectionId)
  let type: Y.AbstractType<unknown> = position.type
  while (type !== body && type._item) type = type._item.parent as Y.AbstractType<unknown>
  return type === body
}
