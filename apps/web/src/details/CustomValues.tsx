import { customValues, removeCustomValue, Root } from '@koers/doc-model'
import { ConfirmRemove } from '../common/ConfirmRemove.tsx'
import { useDocValue } from '../common/useDocValue.ts'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'

/** The team's own values (added at a principle): listed here, removable by anyone who edits. */
export function CustomValues() {
  const t = useT()
  const { doc, readOnly } = useWorkspace()
  // Joined to a string, so the component re-renders only when the list itself changes.
  const joined = useDocValue(doc, [Root.meta], (d) => customValues(d).join('\n'))
  const values = joined === '' ? [] : joined.split('\n')
  return (
    <section className="stack" aria-labelledby="custom-values-title" data-testid="custom-values">
      <h2 id="custom-values-title">{t.customValues.title}</h2>
      <p className="muted">{values.length === 0 ? t.customValues.none : t.customValues.intro}</p>
      {values.length > 0 && (
        <ul className="custom-values">
          {values.map((value) => (
            <li key={value} className="custom-values__item">
              <span className="tag">{value}</span>
              {!readOnly && (
                <ConfirmRemove
                  label={t.customValues.remove(value)}
                  question={t.customValues.removeQuestion}
                  onConfirm={() => removeCustomValue(doc, value)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
