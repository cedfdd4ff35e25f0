import { Icon } from '../common/Icon.tsx'
import {
  Root,
  addAction,
  listActions,
  listPrinciples,
  moveAction,
  sortActionsByDue,
} from '@koers/doc-model'
import { useMemo, useState } from 'react'
import { SortableList } from '../common/SortableList.tsx'
import { useDocValue } from '../common/useDocValue.ts'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { ActionRow } from './ActionRow.tsx'

type ViewMode = 'rank' | 'due'

export function ActionsView() {
  const t = useT()
  const { doc, readOnly } = useWorkspace()
  const actions = useDocValue(doc, [Root.actions], listActions)
  const principles = useDocValue(doc, [Root.principles], listPrinciples)
  const [mode, setMode] = useState<ViewMode>('rank')
  const ids = useMemo(() => actions.map((action) => action.id), [actions])
  const shown = mode === 'due' ? sortActionsByDue(actions) : actions

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
        <table className="actions-table" data-testid="actions-table">
          <caption className="visually-hidden">{t.actions.title}</caption>
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
                  />
                ))}
          </tbody>
        </table>
      )}
      {!readOnly && (
        <div className="add-row">
          <button
            type="button"
            className="button button--primary"
            data-testid="add-action"
            onClick={add}
          >
            <Icon name="plus" /> {t.actions.add}
          </button>
        </div>
      )}
    </div>
  )
}
