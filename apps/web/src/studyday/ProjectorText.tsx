import { bodyRootName, createExtensions } from '@koers/doc-model'
import Collaboration from '@tiptap/extension-collaboration'
import { EditorContent, useEditor } from '@tiptap/react'
import type * as Y from 'yjs'
import '../sections/prosemirror-base.css'

/** A section's text, live and read-only, for the projector (STUDY-10). */
export function ProjectorText({
  doc,
  sectionId,
  label,
}: {
  doc: Y.Doc
  sectionId: string
  label: string
}) {
  const editor = useEditor(
    {
      extensions: [
        ...createExtensions(),
        Collaboration.configure({ document: doc, field: bodyRootName(sectionId) }),
      ],
      editable: false,
      injectCSS: false,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: { class: 'prose projector__prose', 'aria-label': label, role: 'document' },
      },
    },
    [doc, sectionId, label],
  )
  return <EditorContent editor={editor} className="projector__text" data-testid="projector-text" />
}
