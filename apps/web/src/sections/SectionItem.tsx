import {
  BUILDING_BLOCK_LABELS,
  BUILDING_BLOCKS,
  isBuildingBlock,
  listSections,
  setSectionBuildingBlock,
} from '@koers/doc-model'
import type { SectionView } from '@koers/doc-model'
import { useId, useMemo } from 'react'
import type { FocusEvent } from 'react'
import { ConfirmBox } from '../common/ConfirmBox.tsx'
import { ConfirmRemove } from '../common/ConfirmRemove.tsx'
import { ItemMenu } from '../common/ItemMenu.tsx'
import { MoveControls } from '../common/MoveControls.tsx'
import { placeIn } from '../common/place.ts'
import type { SortableRenderProps } from '../common/SortableList.tsx'
import { useMenuConfirm } from '../common/useMenuConfirm.ts'
import { useCompact } from '../common/useMediaQuery.ts'
import { useI18n } from '../i18n/i18n.tsx'
import type { Present } from '../presence/usePresence.ts'
import { WritersHere } from '../presence/WritersHere.tsx'
import { LockControl } from '../studyday/LockControl.tsx'
import { useSectionLocked } from '../studyday/useStudyDay.ts'
import { WorkspaceContext, useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { GuidingQuestions } from './GuidingQuestions.tsx'
import { SectionBody } from './SectionBody.tsx'
import { SectionTitle } from './SectionTitle.tsx'

interface Props {
  section: SectionView
  index: number
  total: number
  writers: Present[]
  sortable: SortableRenderProps
  onMove: (toIndex: number) => void
  onRemove: () => void
  /** Just added by this person: start with the rename field open. */
  isNew?: boolean
}

export function SectionItem({
  section,
  index,
  total,
  writers,
  sortable,
  onMove,
  onRemove,
  isNew = false,
}: Props) {
  const { t, language } = useI18n()
  const id = useId()
  const workspace = useWorkspace()
  const { doc, provider, role } = workspace
  // STUDY-11, PERM-11: a locked section is read-only for editors; it may still be moved.
  const locked = useSectionLocked(doc, section.id)
  const readOnly = workspace.readOnly || (role === 'editor' && locked)
  const sectionContext = useMemo(
    () => (readOnly === workspace.readOnly ? workspace : { ...workspace, readOnly }),
    [workspace, readOnly],
  )
  const name = section.title || t.sections.untitled
  const compact = useCompact()
  const menu = useMenuConfirm()
  const place = () => placeIn(listSections(doc), section.id)
  const setBlock = (value: string) =>
    setSectionBuildingBlock(doc, section.id, isBuildingBlock(value) ? value : '')

  function onFocus(): void {
    if (!readOnly && provider.awareness.getLocalState()?.section !== section.id) {
      provider.awareness.setLocalStateField('section', section.id)
    }
  }
  function onBlur(event: FocusEvent<HTMLElement>): void {
    const next = event.relatedTarget
    if (next instanceof Node && event.currentTarget.contains(next)) return
    if (provider.awareness.getLocalState()?.section === section.id) {
      provider.awareness.setLocalStateField('section', null)
    }
  }

  return (
    <WorkspaceContext.Provider value={sectionContext}>
      <section
        ref={sortable.setNodeRef}
        style={sortable.style}
        className={`section${sortable.isDragging ? ' section--dragging' : ''}`}
        id={`section-${section.id}`}
        aria-labelledby={`section-title-${section.id}`}
        data-testid={`section-${section.id}`}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        <header className="section__head">
          <div className="section__title-line">
            <SectionTitle
              sectionId={section.id}
              title={section.title}
              number={index + 1}
              renameFirst={isNew}
            />
            {!readOnly && compact && (
              <ItemMenu
                name={name}
                index={index}
                total={total}
                onMove={onMove}
                place={place}
                choice={{
                  label: t.sections.buildingBlock,
                  value: section.buildingBlock,
                  onChange: setBlock,
                  options: [
                    { value: '', label: t.sections.noBuildingBlock },
                    ...BUILDING_BLOCKS.map((block) => ({
                      value: block,
                      label: BUILDING_BLOCK_LABELS[block][language],
                    })),
                  ],
                }}
                onRemove={menu.ask}
                buttonRef={menu.buttonRef}
              />
            )}
          </div>
          <LockControl
            sectionId={section.id}
            name={name}
            locked={locked}
            facilitator={role === 'facilitator'}
          />
          <WritersHere people={writers} />
          {!readOnly && compact && menu.confirming && (
            <ConfirmBox
              label={t.sections.remove(name)}
              question={t.sections.removeConfirm(name)}
              onConfirm={() => {
                menu.done()
                onRemove()
              }}
              onCancel={menu.cancel}
            />
          )}
          {!workspace.readOnly && !compact && readOnly && (
            <div className="section__controls">
              <MoveControls
                name={name}
                index={index}
                total={total}
                onMove={onMove}
                place={place}
                handle={sortable.handle}
              />
            </div>
          )}
          {!readOnly && !compact && (
            <div className="section__controls">
              <MoveControls
                name={name}
                index={index}
                total={total}
                onMove={onMove}
                place={place}
                handle={sortable.handle}
              />
              <label className="inline-field">
                <span className="inline-field__label">{t.sections.buildingBlock}</span>
                <select
                  className="select"
                  id={`${id}-block`}
                  value={section.buildingBlock}
                  onChange={(event) => setBlock(event.target.value)}
                >
                  <option value="">{t.sections.noBuildingBlock}</option>
                  {BUILDING_BLOCKS.map((block) => (
                    <option key={block} value={block}>
                      {BUILDING_BLOCK_LABELS[block][language]}
                    </option>
                  ))}
                </select>
              </label>
              <ConfirmRemove
                label={t.sections.remove(name)}
                question={t.sections.removeConfirm(name)}
                onConfirm={onRemove}
              />
            </div>
          )}
          {(readOnly || compact) && section.buildingBlock && (
            <p className="muted">
              {t.sections.buildingBlock}: {BUILDING_BLOCK_LABELS[section.buildingBlock][language]}
            </p>
          )}
        </header>
        <GuidingQuestions section={section} />
        <SectionBody sectionId={section.id} title={name} />
      </section>
    </WorkspaceContext.Provider>
  )
}
