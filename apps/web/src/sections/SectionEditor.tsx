import { bodyRootName, createExtensions } from '@koers/doc-model'
import Collaboration from '@tiptap/extension-collaboration'
import { Placeholder } from '@tiptap/extensions'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useRef } from 'react'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { CollaborationCarets } from './collaborationCarets.ts'
import { EditorToolbar } from './EditorToolbar.tsx'
import { useDeferredMount } from './useDeferredMount.ts'
import './prosemirror-base.css'

function editorAttributes(label: string, readOnly: boolean): Record<string, string> {
  return {
    class: 'prose',
    'aria-label': label,
    'aria-multiline': 'true',
    role: 'textbox',
    ...(readOnly ? { 'aria-readonly': 'true' } : {}),
  }
}

/** The body of one section; mounts when near the viewport or when the browser is idle. */
export function SectionEditor({ sectionId, title }: { sectionId: string; title: string }) {
  const t = useT()
  const placeholder = useRef<HTMLDivElement>(null)
  const [ready] = useDeferredMount(placeholder)
  if (!ready) {
    return (
      <div ref={placeholder} className="editor-placeholder" aria-busy="true">
        <span className="muted">{t.sections.loadingEditor}</span>
      </div>
    )
  }
  return <LiveEditor sectionId={sectionId} title={title} />
}

function LiveEditor({ sectionId, title }: { sectionId: string; title: string }) {
  const t = useT()
  const { doc, provider, readOnly } = useWorkspace()
  const label = t.sections.editorLabel(title)
  const editor = useEditor(
    {
      extensions: [
        ...createExtensions(),
        Collaboration.configure({ document: doc, field: bodyRootName(sectionId) }),
        CollaborationCarets.configure({ awareness: provider.awareness, sectionId }),
        // UI only, not part of the document schema: the hint in an empty section.
        Placeholder.configure({
          placeholder: readOnly ? t.sections.emptyText : t.sections.placeholder,
          showOnlyWhenEditable: false,
        }),
      ],
      editable: !readOnly,
      // SEC-5: no inline <style>; the same rules are in prosemirror-base.css.
      injectCSS: false,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: editorAttributes(label, readOnly),
      },
    },
    [doc, provider, sectionId, readOnly, t],
  )

  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    editor.setOptions({
      editorProps: { attributes: editorAttributes(label, readOnly) },
    })
  }, [editor, label, readOnly])

  return (
    <div className="section-editor">
      {!readOnly && editor && <EditorToolbar editor={editor} title={title} />}
      <EditorContent
        editor={editor}
        className="editor-content"
        data-testid={`section-editor-${sectionId}`}
      />
    </div>
  )
}
