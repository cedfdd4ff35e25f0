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
import type { SectionView } from '@koers/doc-model'
import { memo, useCallback, useEffect, useMemo, useState } from 'react'
import { placeIn } from '../common/place.ts'
import { SortableList } from '../common/SortableList.tsx'
import { useDocValue } from '../common/useDocValue.ts'
import { useT } from '../i18n/i18n.tsx'
import type { Present } from '../presence/usePresence.ts'
import { RemovalToast } from '../removal/RemovalToast.tsx'
import { RemovedList } from '../removal/RemovedList.tsx'
import { useRemovalNotice } from '../removal/useRemovalNotice.ts'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { SectionItem } from './SectionItem.tsx'
import { TableOfContents } from './TableOfContents.tsx'

export const SectionsView = memo(function SectionsView({ people }: { people: Present[] }) {
  const t = useT()
  const { doc, provider, readOnly } = useWorkspace()
  const sections = useDocValue(doc, [Root.sections], listSections)
  const removed = useDocValue(doc, [Root.sections], listRemovedSections)
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
  const removedIds = useMemo(() => removed.map((section) => section.id), [removed])
  // the section this person is writing in is the one their presence names
  const writingIn = useCallback(() => {
    const section: unknown = provider.awareness.getLocalState()?.['section']
    return typeof section === 'string' ? section : null
  }, [provider])
  const { notice, removedHere, dismiss } = useRemovalNotice(ids, removedIds, writingIn, readOnly)
  const titleOf = (section: SectionView | undefined) => section?.title || t.sections.untitled

  // A new section opens its rename field once, when it first shows; never again (not after a
  // restore, not after a reload of the list).
  useEffect(() => {
    if (added !== null && ids.includes(added)) setAdded(null)
  }, [added, ids])
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
    removeSection(doc, id)
    removedHere(id)
  }

  function restore(id: string): void {
    restoreSection(doc, id)
    dismiss()
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
          placeOf={(id) => placeIn(listSections(doc), id)}
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
        {!readOnly && (
          <RemovedList
            label={t.sections.removedList}
            items={removed.map((section) => ({ id: section.id, name: titleOf(section) }))}
            onRestore={restore}
            testId="removed-sections"
          />
        )}
      </div>
      <RemovalToast
        notice={readOnly ? null : notice}
        message={({ id, byOther }) => {
          const title = titleOf(removed.find((section) => section.id === id))
          return byOther ? t.sections.removedByOther(title) : t.sections.removed(title)
        }}
        onRestore={restore}
        onDismiss={dismiss}
      />
    </div>
  )
})
