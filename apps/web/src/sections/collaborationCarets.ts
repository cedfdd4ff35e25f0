import { Extension } from '@tiptap/core'
import { defaultSelectionBuilder, yCursorPlugin } from '@tiptap/y-tiptap'
import type { Awareness } from 'y-protocols/awareness'
import { textOn } from '../presence/textOn.ts'
import { caretActivityFor } from './caretActivity.ts'
import { sectionAwareness } from './sectionAwareness.ts'

const isColor = (value: unknown): value is string =>
  typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value)

function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = isColor(user.color) ? user.color : '#4f6d7a'
  const caret = document.createElement('span')
  caret.classList.add('collaboration-carets__caret')
  caret.style.borderColor = color
  const label = document.createElement('span')
  label.classList.add('collaboration-carets__label')
  label.style.backgroundColor = color
  label.style.color = textOn(color)
  label.textContent = typeof user.name === 'string' ? user.name : ''
  caret.append(label)
  return caret
}

/**
 * Other people's carets and selections (y-tiptap's cursor plugin, as Tiptap's
 * CollaborationCaret uses it), with the client id passed on so a label can fade when that
 * person stops moving (`caretActivity.ts`). The local `user` is set by the workspace page.
 */
export const CollaborationCarets = Extension.create<{
  awareness: Awareness | null
  /** Only people whose presence names this section are drawn (`sectionAwareness.ts`). */
  sectionId: string | null
}>({
  name: 'collaborationCaret',
  priority: 999,
  addOptions: () => ({ awareness: null, sectionId: null }),
  addProseMirrorPlugins() {
    const { awareness, sectionId } = this.options
    if (!awareness) throw new Error('CollaborationCarets needs the awareness')
    const activity = caretActivityFor(awareness)
    return [
      yCursorPlugin(sectionId === null ? awareness : sectionAwareness(awareness, sectionId), {
        cursorBuilder: (user: Record<string, unknown>, clientId: number) =>
          activity.track(renderCaret(user), clientId),
        selectionBuilder: (user: Record<string, unknown>) =>
          isColor(user.color) ? defaultSelectionBuilder(user) : {},
      }),
    ]
  },
})
