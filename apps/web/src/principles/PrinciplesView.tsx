import { AddButton } from '../common/AddButton.tsx'
import {
  Root,
  addPrinciple,
  allValues,
  listPrinciples,
  listRemovedPrinciples,
  movePrinciple,
  removePrinciple,
  restorePrinciple,
} from '@koers/doc-model'
import type { PrincipleView } from '@koers/doc-model'
import { memo, useMemo } from 'react'
import { placeIn } from '../common/place.ts'
import { SortableList } from '../common/SortableList.tsx'
import { useDocValue } from '../common/useDocValue.ts'
import { useT } from '../i18n/i18n.tsx'
import { RemovalToast } from '../removal/RemovalToast.tsx'
import { RemovedList } from '../removal/RemovedList.tsx'
import { useRemovalNotice } from '../removal/useRemovalNotice.ts'
import { useWritingIn } from '../removal/useWritingIn.ts'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { CoverageOverview } from './CoverageOverview.tsx'
import { PrincipleItem } from './PrincipleItem.tsx'

function focusStatement(id: string, scroll: ScrollLogicalPosition): void {
  requestAnimationFrame(() => {
    const input = document.querySelector<HTMLTextAreaElement>(
      `[data-testid="principle-statement-${id}"]`,
    )
    input?.scrollIntoView({ block: scroll })
    input?.focus()
  })
}

export const PrinciplesView = memo(function PrinciplesView() {
  const t = useT()
  const { doc, readOnly } = useWorkspace()
  const principles = useDocValue(doc, [Root.principles], listPrinciples)
  const removed = useDocValue(doc, [Root.principles], listRemovedPrinciples)
  const values = useDocValue(doc, [Root.meta], allValues)
  const ids = useMemo(() => principles.map((principle) => principle.id), [principles])
  const removedIds = useMemo(() => removed.map((principle) => principle.id), [removed])
  const writing = useWritingIn()
  const { notice, removedHere, dismiss } = useRemovalNotice(
    ids,
    removedIds,
    writing.writingIn,
    readOnly,
  )
  const nameOf = (principle: PrincipleView | undefined) =>
    principle?.statement.trim().slice(0, 60) || t.removal.untitledPrinciple

  function add(): void {
    const last = principles[principles.length - 1]
    const id = addPrinciple(doc, { statement: '', after: last?.id })
    focusStatement(id, 'center')
  }

  function remove(id: string): void {
    removePrinciple(doc, id)
    removedHere(id)
  }

  function restore(id: string): void {
    restorePrinciple(doc, id)
    dismiss()
    focusStatement(id, 'center')
  }

  return (
    <div className="two-column">
      <div className="main-column stack" onFocus={writing.onFocus} onBlur={writing.onBlur}>
        <div>
          <h2>{t.principles.title}</h2>
          <p className="muted">{t.principles.intro}</p>
        </div>
        {principles.length === 0 && <p className="muted">{t.principles.empty}</p>}
        <SortableList
          placeOf={(id) => placeIn(listPrinciples(doc), id)}
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
                onRemove={() => remove(id)}
              />
            )
          }}
        />
        {!readOnly && <AddButton label={t.principles.add} testId="add-principle" onClick={add} />}
        {!readOnly && (
          <RemovedList
            label={t.removal.removedPrinciples}
            items={removed.map((principle) => ({ id: principle.id, name: nameOf(principle) }))}
            onRestore={restore}
            testId="removed-principles"
          />
        )}
      </div>
      <CoverageOverview />
      <RemovalToast
        notice={readOnly ? null : notice}
        message={({ id, byOther }) => {
          const name = nameOf(removed.find((principle) => principle.id === id))
          return byOther
            ? t.removal.principleRemovedByOther(name)
            : t.removal.principleRemoved(name)
        }}
        onRestore={restore}
        onDismiss={dismiss}
      />
    </div>
  )
})
