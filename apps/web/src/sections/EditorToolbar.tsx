import { Icon } from '../common/Icon.tsx'
import { useEditorState } from '@tiptap/react'
import type { Editor } from '@tiptap/react'
import { useId, useRef, useState } from 'react'
import type { FormEvent, ReactNode } from 'react'
import { useT } from '../i18n/i18n.tsx'

function ToolButton({
  label,
  pressed,
  disabled,
  onClick,
  children,
}: {
  label: string
  pressed?: boolean
  disabled?: boolean
  onClick: () => void
  children: ReactNode
}) {
  return (
    <button
      type="button"
      className="tool-button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      // keep the editor's selection while clicking
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  )
}

export function EditorToolbar({ editor, title }: { editor: Editor; title: string }) {
  const t = useT()
  const id = useId()
  const linkInput = useRef<HTMLInputElement>(null)
  const [linkOpen, setLinkOpen] = useState(false)
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  })
  const chain = () => editor.chain().focus()

  function openLink(): void {
    setLinkOpen(true)
    requestAnimationFrame(() => {
      if (!linkInput.current) return
      linkInput.current.value = (editor.getAttributes('link').href as string | undefined) ?? ''
      linkInput.current.focus()
    })
  }

  function saveLink(event: FormEvent): void {
    event.preventDefault()
    const raw = linkInput.current?.value.trim() ?? ''
    const href = raw === '' || /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`
    if (href === '') chain().extendMarkRange('link').unsetLink().run()
    else chain().extendMarkRange('link').setLink({ href }).run()
    setLinkOpen(false)
  }

  return (
    <div className="toolbar-wrap">
      <div className="toolbar" role="toolbar" aria-label={t.toolbar.label(title)}>
        <ToolButton
          label={t.toolbar.h2}
          pressed={state.h2}
          onClick={() => chain().toggleHeading({ level: 2 }).run()}
        >
          H2
        </ToolButton>
        <ToolButton
          label={t.toolbar.h3}
          pressed={state.h3}
          onClick={() => chain().toggleHeading({ level: 3 }).run()}
        >
          H3
        </ToolButton>
        <span className="toolbar__sep" aria-hidden="true" />
        <ToolButton
          label={t.toolbar.bold}
          pressed={state.bold}
          onClick={() => chain().toggleBold().run()}
        >
          <strong aria-hidden="true">B</strong>
        </ToolButton>
        <ToolButton
          label={t.toolbar.italic}
          pressed={state.italic}
          onClick={() => chain().toggleItalic().run()}
        >
          <em aria-hidden="true">I</em>
        </ToolButton>
        <span className="toolbar__sep" aria-hidden="true" />
        <ToolButton
          label={t.toolbar.bulletList}
          pressed={state.bulletList}
          onClick={() => chain().toggleBulletList().run()}
        >
          <Icon name="bulletList" />
        </ToolButton>
        <ToolButton
          label={t.toolbar.orderedList}
          pressed={state.orderedList}
          onClick={() => chain().toggleOrderedList().run()}
        >
          <Icon name="orderedList" />
        </ToolButton>
        <ToolButton label={t.toolbar.link} pressed={state.link} onClick={openLink}>
          <Icon name="link" />
        </ToolButton>
        <span className="toolbar__sep" aria-hidden="true" />
        <ToolButton
          label={t.toolbar.undo}
          disabled={!state.canUndo}
          onClick={() => chain().undo().run()}
        >
          <Icon name="undo" />
        </ToolButton>
        <ToolButton
          label={t.toolbar.redo}
          disabled={!state.canRedo}
          onClick={() => chain().redo().run()}
        >
          <Icon name="redo" />
        </ToolButton>
      </div>
      {linkOpen && (
        <form className="link-form" onSubmit={saveLink}>
          <label htmlFor={`${id}-href`}>{t.toolbar.linkPrompt}</label>
          <div className="link-form__row">
            <input
              id={`${id}-href`}
              ref={linkInput}
              className="input"
              type="text"
              autoComplete="url"
              inputMode="url"
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  setLinkOpen(false)
                  editor.commands.focus()
                }
              }}
            />
            <button type="submit" className="button">
              {t.save}
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setLinkOpen(false)
                editor.commands.focus()
              }}
            >
              {t.cancel}
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
