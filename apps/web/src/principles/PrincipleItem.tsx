import {
  BUILDING_BLOCK_LABELS,
  BUILDING_BLOCKS,
  Root,
  addCustomValue,
  listPrinciples,
  principleRationale,
  principleStatement,
  togglePrincipleBuildingBlock,
  togglePrincipleValue,
  valueLabel,
} from '@koers/doc-model'
import type { PrincipleView } from '@koers/doc-model'
import { useId, useRef } from 'react'
import { ConfirmBox } from '../common/ConfirmBox.tsx'
import { ConfirmRemove } from '../common/ConfirmRemove.tsx'
import { ItemMenu } from '../common/ItemMenu.tsx'
import { MoveControls } from '../common/MoveControls.tsx'
import { placeIn } from '../common/place.ts'
import type { SortableRenderProps } from '../common/SortableList.tsx'
import { sameRef, useDocValue } from '../common/useDocValue.ts'
import { useMenuConfirm } from '../common/useMenuConfirm.ts'
import { useCompact } from '../common/useMediaQuery.ts'
import { useTextField } from '../common/useTextField.ts'
import { useYTextBinding } from '../common/useYTextBinding.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { AddValueForm } from './AddValueForm.tsx'
import { PrincipleOrigin } from './PrincipleOrigin.tsx'
import { TagToggles } from './TagToggles.tsx'

interface Props {
  principle: PrincipleView
  index: number
  total: number
  values: string[]
  sortable: SortableRenderProps
  onMove: (toIndex: number) => void
  onRemove: () => void
}

export function PrincipleItem({
  principle,
  index,
  total,
  values,
  sortable,
  onMove,
  onRemove,
}: Props) {
  const { t, language } = useI18n()
  const id = useId()
  const { doc, readOnly } = useWorkspace()
  const rationaleRef = useRef<HTMLTextAreaElement>(null)
  const rationale = useDocValue(
    doc,
    [Root.principles],
    (d) => principleRationale(d, principle.id) ?? null,
    sameRef,
  )
  useYTextBinding(rationaleRef, readOnly ? undefined : (rationale ?? undefined))
  const statement = useTextField<HTMLTextAreaElement>([Root.principles], (d) =>
    principleStatement(d, principle.id),
  )
  const number = t.principles.numbered(index + 1)
  const name = principle.statement.trim() ? principle.statement.trim().slice(0, 60) : number
  const compact = useCompact()
  const menu = useMenuConfirm()
  const place = () => placeIn(listPrinciples(doc), principle.id)

  return (
    <article
      ref={sortable.setNodeRef}
      style={sortable.style}
      className={`item-card${sortable.isDragging ? ' item-card--dragging' : ''}`}
      aria-labelledby={`${id}-number`}
      data-testid={`principle-${principle.id}`}
      data-item-id={principle.id}
    >
      <div className="item-card__head">
        <h3 className="item-card__number" id={`${id}-number`}>
          {number}
        </h3>
        {!readOnly && compact && (
          <ItemMenu
            name={name}
            index={index}
            total={total}
            onMove={onMove}
            place={place}
            onRemove={menu.ask}
            buttonRef={menu.buttonRef}
          />
        )}
        {!readOnly && !compact && (
          <div className="item-card__controls">
            <MoveControls
              name={name}
              index={index}
              total={total}
              onMove={onMove}
              place={place}
              handle={sortable.handle}
            />
            <ConfirmRemove
              label={t.principles.remove(name)}
              question={t.removal.principleRemoveConfirm}
              onConfirm={onRemove}
            />
          </div>
        )}
      </div>
      {!readOnly && compact && menu.confirming && (
        <ConfirmBox
          label={t.principles.remove(name)}
          question={t.removal.principleRemoveConfirm}
          onConfirm={() => {
            menu.done()
            onRemove()
          }}
          onCancel={menu.cancel}
        />
      )}
      <PrincipleOrigin principleId={principle.id} />
      {readOnly ? (
        <>
          <p className="principle__statement">{principle.statement || '–'}</p>
          {principle.rationale && <p className="principle__rationale">{principle.rationale}</p>}
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-statement`}>{t.principles.statementLabel}</label>
            <textarea
              id={`${id}-statement`}
              className="textarea principle__statement-input"
              rows={2}
              placeholder={t.principles.statementPlaceholder}
              data-testid={`principle-statement-${principle.id}`}
              {...statement}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-rationale`}>{t.principles.rationaleLabel}</label>
            <textarea
              id={`${id}-rationale`}
              ref={rationaleRef}
              className="textarea"
              rows={3}
              data-testid={`principle-rationale-${principle.id}`}
            />
          </div>
        </>
      )}
      <TagToggles
        legend={t.principles.values}
        options={values}
        selected={principle.values}
        labelOf={(value) => valueLabel(value, language)}
        readOnly={readOnly}
        onToggle={(value, on) => togglePrincipleValue(doc, principle.id, value, on)}
      >
        <AddValueForm
          onAdd={(label) => {
            const value = addCustomValue(doc, label)
            if (value) togglePrincipleValue(doc, principle.id, value, true)
          }}
        />
      </TagToggles>
      <TagToggles
        legend={t.principles.buildingBlocks}
        options={BUILDING_BLOCKS}
        selected={principle.buildingBlocks}
        labelOf={(block) => BUILDING_BLOCK_LABELS[block][language]}
        readOnly={readOnly}
        onToggle={(block, on) => togglePrincipleBuildingBlock(doc, principle.id, block, on)}
      />
    </article>
  )
}
