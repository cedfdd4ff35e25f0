import { AddButton } from '../common/AddButton.tsx'
import {
  Root,
  addAction,
  listActions,
  listPrinciples,
  listRemovedActions,
  moveAction,
  removeAction,
  restoreAction,
  sortActionsByDue,
} from '@koers/doc-model'
import type { ActionView } from '@koers/doc-model'
import { memo, useMemo, useState } from 'react'
import type { FocusEvent } from 'react'
import { placeIn } from '../common/place.ts'
import { SortableList } from '../common/SortableList.tsx'
import { useDocValue } from '../common/useDocValue.ts'
import { useT } from '../i18n/i18n.tsx'
import { RemovalToast } from '../removal/RemovalToast.tsx'
import { RemovedList } from '../removal/RemovedList.tsx'
import { useRemovalNotice } from '../removal/useRemovalNotice.ts'
import { useWritingIn } from '../removal/useWritingIn.ts'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { ActionRow } from './ActionRow.tsx'

type ViewMode = 'rank' | 'due'

/** `actions` in the order of `ids`; actions not in `ids` (added meanwhile) follow in their order. */
function inOrder(actions: ActionView[], ids: string[]): ActionView[] {
  const at = (action: ActionView) => {
    const index = ids.indexOf(action.id)
    return index < 0 ? ids.length : index
  }
  return [...actions].sort((a, b) => at(a) - at(b))
}

const isDateInput = (target: EventTarget) =>
  target instanceof HTMLInputElement && target.type === 'date'

export const ActionsView = memo(function ActionsView() {
  const t = useT()
  const { doc, readOnly } = useWorkspace()
  const actions = useDocValue(doc, [Root.actions], listActions)
  const principles = useDocValue(doc, [Root.principles], listPrinciples)
  const [mode, setMode] = useState<ViewMode>('rank')
  const ids = useMemo(() => actions.map((action) => action.id), [actions])
  const removed = useDocValue(doc, [Root.actions], listRemovedActions)
  const removedIds = useMemo(() => removed.map((action) => action.id), [removed])
  const writing = useWritingIn()
  const { notice, removedHere, dismiss } = useRemovalNotice(
    ids,
    removedIds,
    writing.writingIn,
    readOnly,
  )
  const nameOf = (action: ActionView | undefined) =>
    action?.what.trim().slice(0, 60) || t.removal.untitledAction

  function remove(id: string): void {
    removeAction(doc, id)
    removedHere(id)
  }

  function restore(id: string): void {
    restoreAction(doc, id)
    dismiss()
    setMode('rank')
    requestAnimationFrame(() => {
      document.querySelector<HTMLInputElement>(`[data-testid="action-${id}"] input`)?.focus()
    })
  }
  // While someone edits a due date the rows keep their place; they re-sort when the field is left.
  const [frozen, setFrozen] = useState<string[] | null>(null)
  const sorted = mode === 'due' ? sortActionsByDue(actions) : actions
  const shown = mode === 'due' && frozen ? inOrder(sorted, frozen) : sorted

  function freeze(event: FocusEvent): void {
    if (mode === 'due' && isDateInput(event.target)) setFrozen(shown.map((action) => action.id))
  }

  function unfreeze(event: FocusEvent): void {
    if (isDateInput(event.target)) setFrozen(null)
  }

  function add(): void {
    const last = actions[actions.length - 1]
    const id = addAction(doc, { after: last?.id })
    setMode('rank')
    requestAnimationFrame(() => {
      document.querySelector<HTMLInputElement>(`[data-testid="action-${id}"] input`)?.focus()
    })
  }

  const rows = (
    <SortableList
      ids={ids}
      placeOf={(id) => placeIn(listActions(doc), id)}
      nameOf={(id) => {
        const action = actions.find((item) => item.id === id)
        return action?.what.trim() || t.actions.numbered(ids.indexOf(id) + 1)
      }}
      disabled={readOnly || mode === 'due'}
      onMove={(id, toIndex) => moveAction(doc, id, toIndex)}
      renderItem={(id, index, sortable) => {
        const action = actions[index]
        if (!action || action.id !== id) return null
        return (
          <ActionRow
            key={id}
            action={action}
            rankIndex={index}
            total={actions.length}
            principles={principles}
            sortable={sortable}
            onMove={(toIndex) => moveAction(doc, id, toIndex)}
            onRemove={() => remove(id)}
          />
        )
      }}
    />
  )

  return (
    <div className="stack">
      <div>
        <h2>{t.actions.title}</h2>
        <p className="muted">{t.actions.intro}</p>
      </div>
      <div className="segmented" role="group" aria-label={t.actions.view}>
        <button
          type="button"
          className="segmented__button"
          aria-pressed={mode === 'rank'}
          onClick={() => setMode('rank')}
        >
          {t.actions.viewRank}
        </button>
        <button
          type="button"
          className="segmented__button"
          aria-pressed={mode === 'due'}
          onClick={() => setMode('due')}
        >
          {t.actions.viewDue}
        </button>
      </div>
      {mode === 'due' && <p className="muted">{t.actions.sortedNote}</p>}
      {actions.length === 0 ? (
        <p className="muted">{t.actions.empty}</p>
      ) : (
        <table
          className="actions-table"
          data-testid="actions-table"
          onFocus={(event) => {
            writing.onFocus(event)
            freeze(event)
          }}
          onBlur={(event) => {
            writing.onBlur(event)
            unfreeze(event)
          }}
        >
          <caption className="visually-hidden">{t.actions.title}</caption>
          <colgroup>
            {['n', 'what', 'owner', 'due', 'status', 'principle'].map((column) => (
              <col key={column} className={`actions-table__col--${column}`} />
            ))}
            {!readOnly && <col className="actions-table__col--controls" />}
          </colgroup>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t.actions.what}</th>
              <th scope="col">{t.actions.owner}</th>
              <th scope="col">{t.actions.due}</th>
              <th scope="col">{t.actions.status}</th>
              <th scope="col">{t.actions.principle}</th>
              {!readOnly && (
                <th scope="col">
                  <span className="visually-hidden">{t.actions.controls}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {mode === 'rank' && !readOnly
              ? rows
              : shown.map((action) => (
                  <ActionRow
                    key={action.id}
                    action={action}
                    rankIndex={ids.indexOf(action.id)}
                    total={actions.length}
                    principles={principles}
                    sortable={null}
                    onMove={() => {}}
                    onRemove={() => remove(action.id)}
                  />
                ))}
          </tbody>
        </table>
      )}
      {!readOnly && <AddButton label={t.actions.add} testId="add-action" onClick={add} />}
      {!readOnly && (
        <RemovedList
          label={t.removal.removedActions}
          items={removed.map((action) => ({ id: action.id, name: nameOf(action) }))}
          onRestore={restore}
          testId="removed-actions"
        />
      )}
      <RemovalToast
        notice={readOnly ? null : notice}
        message={({ id, byOther }) => {
          const name = nameOf(removed.find((action) => action.id === id))
          return byOther ? t.removal.actionRemovedByOther(name) : t.removal.actionRemoved(name)
        }}
        onRestore={restore}
        onDismiss={dismiss}
      />
    </div>
  )
})
