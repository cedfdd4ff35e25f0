import { AddButton } from '../common/AddButton.tsx'
import {
  Root,
  addSection,
  listRemovedSections,
  listSections,
  moveSection,
  removeSection,
  restoreSection,
} from '@koers/doc-model'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useAnnounce } from '../common/Announcer.tsx'
import { SortableList } from '../common/SortableList.tsx'
import { Toast } from '../common/Toast.tsx'
import { useDocValue } from '../common/useDocValue.ts'
import { useT } from '../i18n/i18n.tsx'
import type { Present } from '../presence/usePresence.ts'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { SectionItem } from './SectionItem.tsx'
import { TableOfContents } from './TableOfContents.tsx'

export function SectionsView({ people }: { people: Present[] }) {
  const t = useT()
  const announce = useAnnounce()
  const { doc, provider, readOnly } = useWorkspace()
  const sections = useDocValue(doc, [Root.sections], listSections)
  const removed = useDocValue(doc, [Root.sections], listRemovedSections)
  const [toast, setToast] = useState<{ id: string; title: string; byOther?: boolean } | null>(null)
  const [added, setAdded] = useState<string | null>(null)

  const writersBySection = useMemo(() => {
    const map = new Map<string, Present[]>()
    for (const person of people) {
      if (!person.section || person.isSelf) continue
      map.set(person.section, [...(map.get(person.section) ?? []), person])
    }
    return map
  }, [people])

  const ids = useMemo(() => sections.map((section) => section.id), [sections])

  // Someone else removed the section this person is writing in: say so, and offer it back.
  const shownIds = useRef(ids)
  useEffect(() => {
    const gone = shownIds.current.filter((id) => !ids.includes(id))
    shownIds.current = ids
    const mine = provider.awareness.getLocalState()?.['section']
    const lost = removed.find((section) => section.id === mine && gone.includes(section.id))
    if (!lost || readOnly || toast?.id === lost.id) return
    const title = lost.title || t.sections.untitled
    setToast({ id: lost.id, title, byOther: true })
    announce(t.sections.removedByOther(title))
  }, [ids, removed, provider, readOnly, toast, t, announce])
  const titles = useMemo(
    () => new Map(sections.map((section) => [section.id, section.title || t.sections.untitled])),
    [sections, t],
  )
  const nameOf = (id: string) => titles.get(id) ?? ''

  function add(): void {
    const last = sections[sections.length - 1]
    const id = addSection(doc, { title: t.sections.newTitleDefault, after: last?.id })
    setAdded(id)
    requestAnimationFrame(() => {
      document.getElementById(`section-${id}`)?.scrollIntoView({ block: 'start' })
    })
  }

  function remove(id: string): void {
    const title = nameOf(id)
    removeSection(doc, id)
    setToast({ id, title })
    announce(t.sections.removed(title))
  }

  function restore(id: string): void {
    restoreSection(doc, id)
    setToast(null)
    requestAnimationFrame(() => {
      document.getElementById(`section-${id}`)?.scrollIntoView({ block: 'start' })
      document.getElementById(`section-title-${id}`)?.focus({ preventScroll: true })
    })
  }

  return (
    <div className="text-layout">
      <TableOfContents sections={sections} writersBySection={writersBySection} />
      <div className="text-column">
        {sections.length === 0 && <p className="muted">{t.sections.empty}</p>}
        <SortableList
          ids={ids}
          nameOf={nameOf}
          disabled={readOnly}
          onMove={(id, toIndex) => moveSection(doc, id, toIndex)}
          renderItem={(id, index, sortable) => {
            const section = sections[index]
            if (!section || section.id !== id) return null
            return (
              <SectionItem
                key={id}
                section={section}
                index={index}
                total={sections.length}
                writers={writersBySection.get(id) ?? []}
                sortable={sortable}
                onMove={(toIndex) => moveSection(doc, id, toIndex)}
                onRemove={() => remove(id)}
                isNew={id === added}
              />
            )
          }}
        />
        {!readOnly && <AddButton label={t.sections.add} testId="add-section" onClick={add} />}
        {!readOnly && removed.length > 0 && (
          <details className="removed">
            <summary>
              {t.sections.removedList} ({removed.length})
            </summary>
            <ul className="removed__list">
              {removed.map((section) => (
                <li key={section.id}>
                  <span>{section.title || t.sections.untitled}</span>{' '}
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => restore(section.id)}
                  >
                    {t.sections.restore}
                    <span className="visually-hidden"> {section.title}</span>
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      {toast && (
        <Toast
          message={
            toast.byOther ? t.sections.removedByOther(toast.title) : t.sections.removed(toast.title)
          }
          actionLabel={t.sections.restore}
          onAction={() => restore(toast.id)}
          onDismiss={() => setToast(null)}
        />
      )}
    </div>
  )
}
