import { AddButton } from '../common/AddButton.tsx'
import { Root, addPrinciple, allValues, listPrinciples, movePrinciple } from '@koers/doc-model'
import { useMemo } from 'react'
import { SortableList } from '../common/SortableList.tsx'
import { useDocValue } from '../common/useDocValue.ts'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { CoverageOverview } from './CoverageOverview.tsx'
import { PrincipleItem } from './PrincipleItem.tsx'

export function PrinciplesView() {
  const t = useT()
  const { doc, readOnly } = useWorkspace()
  const principles = useDocValue(doc, [Root.principles], listPrinciples)
  const values = useDocValue(doc, [Root.meta], allValues)
  const ids = useMemo(() => principles.map((principle) => principle.id), [principles])

  function add(): void {
    const last = principles[principles.length - 1]
    const id = addPrinciple(doc, { statement: '', after: last?.id })
    requestAnimationFrame(() => {
      const input = document.querySelector<HTMLTextAreaElement>(
        `[data-testid="principle-statement-${id}"]`,
      )
      input?.scrollIntoView({ block: 'center' })
      input?.focus()
    })
  }

  return (
    <div className="two-column">
      <div className="main-column stack">
        <div>
          <h2>{t.principles.title}</h2>
          <p className="muted">{t.principles.intro}</p>
        </div>
        {principles.length === 0 && <p className="muted">{t.principles.empty}</p>}
        <SortableList
          ids={ids}
          nameOf={(id) => t.principles.numbered(ids.indexOf(id) + 1)}
          disabled={readOnly}
          onMove={(id, toIndex) => movePrinciple(doc, id, toIndex)}
          renderItem={(id, index, sortable) => {
            const principle = principles[index]
            if (!principle || principle.id !== id) return null
            return (
              <PrincipleItem
                key={id}
                principle={principle}
                index={index}
                total={principles.length}
                values={values}
                sortable={sortable}
                onMove={(toIndex) => movePrinciple(doc, id, toIndex)}
              />
            )
          }}
        />
        {!readOnly && <AddButton label={t.principles.add} testId="add-principle" onClick={add} />}
      </div>
      <CoverageOverview />
    </div>
  )
}
