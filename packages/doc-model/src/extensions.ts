import { getSchema, type AnyExtension } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import { StarterKit } from '@tiptap/starter-kit'

/**
 * The one Tiptap extension list of a section body (DM-12): whatever reads, writes or checks a
 * body builds its schema from this list. Headless: no React, no DOM needed to build the schema.
 * The editor adds only behaviour on top (Collaboration, carets, placeholder), never nodes or
 * marks, so every side reads the same `body:<id>` fragments.
 */
export function createExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // History comes from Yjs (Y.UndoManager via the Collaboration extension).
      undoRedo: false,
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
    }),
  ]
}

export function createSchema(): Schema {
  return getSchema(createExtensions())
}
