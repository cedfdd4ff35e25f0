import { ActionOrigin } from './ActionOrigin.tsx'
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  Root,
  actionText,
  isActionStatus,
  listActions,
  updateAction,
} from '@koers/doc-model'
import type { ActionView, PrincipleView } from '@koers/doc-model'
import { ConfirmBox } from '../common/ConfirmBox.tsx'
import { DragHandle } from '../common/DragHandle.tsx'
import { ItemMenu } from '../common/ItemMenu.tsx'
import { placeIn } from '../common/place.ts'
import type { SortableRenderProps } from '../common/SortableList.tsx'
import { useMenuConfirm } from '../common/useMenuConfirm.ts'
import { useCompact } from '../common/useMediaQuery.ts'
import { useTextField } from '../common/useTextField.ts'
import { formatDate } from '../i18n/formatDate.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'

interface Props {
  action: ActionView
  /** position in the stored order (0-based) */
  rankIndex: number
  total: number
  principles: PrincipleView[]
  sortable: SortableRenderProps | null
  onMove: (toIndex: number) => void
  onRemove: () => void
}

function principleLabel(
  principle: PrincipleView,
  index: number,
  numbered: (n: number) => string,
): string {
  const statement = principle.statement.trim()
  const short = statement.length > 50 ? `${statement.slice(0, 50)}…` : statement
  return short ? `${index + 1}. ${short}` : numbered(index + 1)
}

export function ActionRow({
  action,
  rankIndex,
  total,
  principles,
  sortable,
  onMove,
  onRemove,
}: Props) {
  const { t, language } = useI18n()
  const { doc, readOnly } = useWorkspace()
  const n = rankIndex + 1
  const name = action.what.trim() ? action.what.trim().slice(0, 60) : t.actions.numbered(n)
  const what = useTextField<HTMLInputElement>([Root.actions], (d) =>
    actionText(d, action.id, 'what'),
  )
  const owner = useTextField<HTMLInputElement>([Root.actions], (d) =>
    actionText(d, action.id, 'owner'),
  )
  const linked = principles.findIndex((principle) => principle.id === action.principleId)
  const label = (field: string) => t.actions.fieldLabel(field, n)
  const compact = useCompact()
  const menu = useMenuConfirm()
  const place = () => placeIn(listActions(doc), action.id)

  if (readOnly) {
    const principle = principles[linked]
    return (
      <tr className="action-row" data-testid={`action-${action.id}`}>
        <td className="action-row__n">{n}</td>
        <td data-label={t.actions.what}>
          {action.what || '–'}
          <ActionOrigin actionId={action.id} />
        </td>
        <td data-label={t.actions.owner}>{action.owner || '–'}</td>
        <td data-label={t.actions.due}>{formatDate(action.due, language) || '–'}</td>
        <td data-label={t.actions.status}>{ACTION_STATUS_LABELS[action.status][language]}</td>
        <td data-label={t.actions.principle}>
          {principle ? principleLabel(principle, linked, t.principles.numbered) : '–'}
        </td>
      </tr>
    )
  }

  return (
    <>
      <tr
        ref={sortable?.setNodeRef}
        style={sortable?.style}
        className={`action-row${sortable?.isDragging ? ' action-row--dragging' : ''}`}
        data-testid={`action-${action.id}`}
        data-item-id={action.id}
      >
        <td className="action-row__n">{n}</td>
        <td data-label={t.actions.what}>
          <input className="input" aria-label={label(t.actions.what)} {...what} />
          <ActionOrigin actionId={action.id} />
        </td>
        <td data-label={t.actions.owner}>
          <input className="input" aria-label={label(t.actions.owner)} {...owner} />
        </td>
        <td data-label={t.actions.due}>
          <input
            className="input"
            type="date"
            aria-label={label(t.actions.due)}
            value={action.due}
            onChange={(event) => updateAction(doc, action.id, { due: event.target.value })}
          />
        </td>
        <td data-label={t.actions.status}>
          <select
            className="select"
            aria-label={label(t.actions.status)}
            value={action.status}
            onChange={(event) => {
              const status = event.target.value
              if (isActionStatus(status)) updateAction(doc, action.id, { status })
            }}
          >
            {ACTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {ACTION_STATUS_LABELS[status][language]}
              </option>
            ))}
          </select>
        </td>
        <td data-label={t.actions.principle}>
          <select
            className="select"
            aria-label={label(t.actions.principle)}
            value={linked >= 0 ? action.principleId : ''}
            onChange={(event) => updateAction(doc, action.id, { principleId: event.target.value })}
          >
            <option value="">{t.actions.noPrinciple}</option>
            {principles.map((principle, index) => (
              <option key={principle.id} value={principle.id}>
                {principleLabel(principle, index, t.principles.numbered)}
              </option>
            ))}
          </select>
        </td>
        <td className="action-row__controls">
          {sortable && !compact && <DragHandle name={name} handle={sortable.handle} />}
          <ItemMenu
            name={name}
            index={rankIndex}
            total={total}
            onMove={sortable ? onMove : undefined}
            place={place}
            onRemove={menu.ask}
            buttonRef={menu.buttonRef}
          />
        </td>
      </tr>
      {menu.confirming && (
        // A row of its own, so the question never widens the table.
        <tr className="action-row__confirm" data-item-id={action.id}>
          <td colSpan={7}>
            <ConfirmBox
              label={t.actions.remove(name)}
              question={t.removal.actionRemoveConfirm}
              onConfirm={() => {
                menu.done()
                onRemove()
              }}
              onCancel={menu.cancel}
            />
          </td>
        </tr>
      )}
    </>
  )
}
