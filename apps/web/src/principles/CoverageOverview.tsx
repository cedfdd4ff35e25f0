import { BUILDING_BLOCK_LABELS, Root, coverage, valueLabel } from '@koers/doc-model'
import { useDocValue } from '../common/useDocValue.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'

export function CoverageOverview() {
  const { t, language } = useI18n()
  const { doc } = useWorkspace()
  const gaps = useDocValue(doc, [Root.principles, Root.meta], coverage)
  return (
    <aside className="coverage card" aria-labelledby="coverage-title" data-testid="coverage">
      <h2 id="coverage-title">{t.principles.coverage}</h2>
      <p className="muted">{t.principles.coverageIntro}</p>
      <h3>{t.principles.values}</h3>
      {gaps.valuesWithoutPrinciple.length === 0 ? (
        <p>{t.principles.coverageAllValues}</p>
      ) : (
        <ul className="tags__list">
          {gaps.valuesWithoutPrinciple.map((value) => (
            <li key={value} className="tag tag--gap">
              {valueLabel(value, language)}
            </li>
          ))}
        </ul>
      )}
      <h3>{t.principles.buildingBlocks}</h3>
      {gaps.buildingBlocksWithoutPrinciple.length === 0 ? (
        <p>{t.principles.coverageAllBlocks}</p>
      ) : (
        <ul className="tags__list">
          {gaps.buildingBlocksWithoutPrinciple.map((block) => (
            <li key={block} className="tag tag--gap">
              {BUILDING_BLOCK_LABELS[block][language]}
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}
