import { listActions, listPrinciples, listSections, readMeta, sectionBody } from '@koers/doc-model'
import type { ReactNode } from 'react'
import * as Y from 'yjs'
import { useT } from '../i18n/i18n.tsx'

type Marks = Record<string, unknown>

/** One run of text with its marks, as the editor shows them. */
function styled(text: string, marks: Marks | undefined, key: number): ReactNode {
  let node: ReactNode = text
  if (marks?.code) node = <code>{node}</code>
  if (marks?.bold) node = <strong>{node}</strong>
  if (marks?.italic) node = <em>{node}</em>
  if (marks?.underline) node = <u>{node}</u>
  if (marks?.strike) node = <s>{node}</s>
  return <span key={key}>{node}</span>
}

const ELEMENTS: Record<string, string> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  codeBlock: 'pre',
}

/** A section body as read-only elements (no editor, nothing editable, nothing fetched). */
function renderNodes(parent: Y.XmlFragment | Y.XmlElement): ReactNode[] {
  return parent.toArray().map((child, index) => {
    if (child instanceof Y.XmlText) {
      const delta = child.toDelta() as { insert: unknown; attributes?: Marks }[]
      return (
        <span key={index}>
          {delta.map((op, i) =>
            typeof op.insert === 'string' ? styled(op.insert, op.attributes, i) : null,
          )}
        </span>
      )
    }
    if (!(child instanceof Y.XmlElement)) return null
    if (child.nodeName === 'hardBreak') return <br key={index} />
    if (child.nodeName === 'horizontalRule') return <hr key={index} />
    if (child.nodeName === 'heading') {
      const level = Number(child.getAttribute('level')) === 3 ? 'h5' : 'h4'
      const Heading = level
      return <Heading key={index}>{renderNodes(child)}</Heading>
    }
    const Tag = (ELEMENTS[child.nodeName] ?? 'div') as 'div'
    return <Tag key={index}>{renderNodes(child)}</Tag>
  })
}

/** A version of the vision, read-only: details, sections with their text, principles, actions. */
export function VersionDocument({ doc }: { doc: Y.Doc }) {
  const t = useT()
  const meta = readMeta(doc)
  const principles = listPrinciples(doc)
  const actions = listActions(doc)
  return (
    <article className="version-document" data-testid="version-document">
      <h3>{meta.title || t.workspace.untitled}</h3>
      {meta.school && <p className="muted">{meta.school}</p>}
      {listSections(doc).map((section, index) => (
        <section key={section.id} className="version-document__section">
          <h4 className="version-document__section-title">
            {index + 1}. {section.title}
          </h4>
          <div className="version-document__body">{renderNodes(sectionBody(doc, section.id))}</div>
        </section>
      ))}
      {principles.length > 0 && (
        <section className="version-document__section">
          <h4 className="version-document__section-title">{t.deliver.principlesTitle}</h4>
          <ol>
            {principles.map((principle) => (
              <li key={principle.id}>
                {principle.statement}
                {principle.rationale && <p className="muted">{principle.rationale}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
      {actions.length > 0 && (
        <section className="version-document__section">
          <h4 className="version-document__section-title">{t.deliver.actionsTitle}</h4>
          <ul>
            {actions.map((action) => (
              <li key={action.id}>
                {action.what}
                {action.owner && ` · ${action.owner}`}
                {action.due && ` · ${action.due}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  )
}
