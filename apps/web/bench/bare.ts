// The baselines of `pnpm bench:typing` (tests/bench/typing.ts): the same Tiptap extension list
// and Yjs binding as a Koers section, nothing else on the page. Without parameters on a local
// Y.Doc; with `?ws=…&room=…&ticket=…&section=…` bound to that section of a live room through the
// stock y-websocket provider, with y-tiptap's stock caret plugin drawing everyone else's caret:
// the same remote people and edits as the Koers page, without the rest of Koers.
import { bodyRootName, createExtensions } from '@koers/doc-model'
import { Editor, Extension } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import { yCursorPlugin } from '@tiptap/y-tiptap'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

const params = new URLSearchParams(location.search)
const room = params.get('room')
const doc = new Y.Doc()
const ready = window as unknown as { editorReady: boolean }

function mount(field: string, carets: Extension[]): void {
  const editor = new Editor({
    element: document.getElementById('editor')!,
    extensions: [
      ...createExtensions(),
      Collaboration.configure({ document: doc, field }),
      ...carets,
    ],
    editorProps: { attributes: { 'data-testid': 'bare-editor' } },
  })
  ready.editorReady = editor.isEditable
}

if (room) {
  const provider = new WebsocketProvider(params.get('ws')!, room, doc, {
    params: { ticket: params.get('ticket')! },
    disableBc: true,
  })
  provider.awareness.setLocalStateField('user', { name: 'Meetpersoon (kaal)', color: '#1565c0' })
  const carets = Extension.create({
    name: 'stockCarets',
    addProseMirrorPlugins: () => [yCursorPlugin(provider.awareness)],
  })
  provider.once('sync', () => mount(bodyRootName(params.get('section')!), [carets]))
} else {
  mount(bodyRootName('bare'), [])
}
