// The baseline of `pnpm bench:typing` (tests/bench/typing.ts): the same Tiptap extension list
// and Yjs binding as a Koers section, on a local Y.Doc, with nothing else on the page.
import { bodyRootName, createExtensions } from '@koers/doc-model'
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import * as Y from 'yjs'

const doc = new Y.Doc()
const editor = new Editor({
  element: document.getElementById('editor')!,
  extensions: [
    ...createExtensions(),
    Collaboration.configure({ document: doc, field: bodyRootName('bare') }),
  ],
  editorProps: { attributes: { 'data-testid': 'bare-editor' } },
})
;(window as unknown as { editorReady: boolean }).editorReady = editor.isEditable
