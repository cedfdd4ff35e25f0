import type { SectionView } from '@koers/doc-model'
import { useState } from 'react'
import { useT } from '../i18n/i18n.tsx'
import type { Present } from '../presence/usePresence.ts'
import { WritersHere } from '../presence/WritersHere.tsx'

export function TableOfContents({
  sections,
  writersBySection,
}: {
  sections: SectionView[]
  writersBySection: Map<string, Present[]>
}) {
  const t = useT()
  const [open, setOpen] = useState(false)

  function jump(sectionId: string): void {
    const target = document.getElementById(`section-${sectionId}`)
    target?.scrollIntoView({ block: 'start' })
    document.getElementById(`section-title-${sectionId}`)?.focus({ preventScroll: true })
    setOpen(false)
  }

  return (
    <nav className="toc" aria-labelledby="toc-title" data-open={open} data-testid="toc">
      <h2 id="toc-title" className="toc__title">
        <button
          type="button"
          className="toc__toggle"
          aria-expanded={open}
          aria-controls="toc-list"
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t.sections.toc}
        </button>
        <span className="toc__static-title">{t.sections.toc}</span>
      </h2>
      <ol className="toc__list" id="toc-list">
        {sections.map((section) => (
          <li key={section.id} className="toc__item">
            <a
              href={`#section-${section.id}`}
              className="toc__link"
              onClick={(event) => {
                event.preventDefault()
                jump(section.id)
              }}
            >
              {section.title || t.sections.untitled}
            </a>
            <WritersHere people={writersBySection.get(section.id) ?? []} compact />
          </li>
        ))}
      </ol>
    </nav>
  )
}
