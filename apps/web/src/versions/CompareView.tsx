import type * as Y from 'yjs'
import { useT } from '../i18n/i18n.tsx'
import { compareDocs, type ItemChange, type TextPart } from './compareDocs.ts'

/** Words added and removed, inline: colour, underline or strike, and a label for screen readers. */
function DiffText({ parts }: { parts: TextPart[] }) {
  const d = useT().deliver
  return (
    <p className="diff-text">
      {parts.map((part, index) => {
        if (part.kind === 'added') {
          return (
            <ins key={index} className="diff-added">
              <span className="visually-hidden">{d.addedSr}</span>
              {part.text}
            </ins>
          )
        }
        if (part.kind === 'removed') {
          return (
            <del key={index} className="diff-removed">
              <span className="visually-hidden">{d.removedSr}</span>
              {part.text}
            </del>
          )
        }
        return <span key={index}>{part.text}</span>
      })}
    </p>
  )
}

function ItemChanges({ title, changes }: { title: string; changes: ItemChange[] }) {
  const d = useT().deliver
  return (
    <section className="compare__items">
      <h4>{title}</h4>
      {changes.length === 0 ? (
        <p className="muted">{d.noItemChanges}</p>
      ) : (
        <ul>
          {changes.map((change) => (
            <li key={change.id} className={`compare__item compare__item--${change.status}`}>
              <span className="compare__badge">{d.itemStatus[change.status]}</span>{' '}
              {change.status === 'removed' ? <del>{change.label}</del> : change.label}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/**
 * What changed between two versions (or a version and the live document): per section the words
 * added and removed, and which principles and action points were added, removed or changed.
 */
export function CompareView({
  older,
  newer,
  heading,
}: {
  older: Y.Doc
  newer: Y.Doc
  heading: string
}) {
  const d = useT().deliver
  const comparison = compareDocs(older, newer, d.untitled)
  const changed = comparison.sections.filter((section) => section.status !== 'same')
  const unchanged = comparison.sections.length - changed.length
  return (
    <section className="compare stack" aria-labelledby="compare-heading" data-testid="compare-view">
      <h3 id="compare-heading">{heading}</h3>
      <p className="muted">{d.legend}</p>
      {changed.length === 0 && <p>{d.noChanges}</p>}
      {changed.map((section) => (
        <section
          key={section.id}
          className="compare__section"
          data-testid={`compare-section-${section.id}`}
        >
          <h4>
            {section.title}
            {section.status === 'added' && <span className="compare__badge">{d.sectionAdded}</span>}
            {section.status === 'removed' && (
              <span className="compare__badge compare__badge--removed">{d.sectionRemoved}</span>
            )}
          </h4>
          <DiffText parts={section.parts} />
        </section>
      ))}
      {unchanged > 0 && <p className="muted">{d.unchangedSections(unchanged)}</p>}
      <ItemChanges title={d.principlesTitle} changes={comparison.principles} />
      <ItemChanges title={d.actionsTitle} changes={comparison.actions} />
    </section>
  )
}
