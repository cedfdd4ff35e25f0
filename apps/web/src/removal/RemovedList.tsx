import { useT } from '../i18n/i18n.tsx'

/** Removed items of one list, folded, each with "Terugzetten" (DM-10, DM-19). */
export function RemovedList({
  label,
  items,
  onRestore,
  testId,
}: {
  label: string
  items: { id: string; name: string }[]
  onRestore: (id: string) => void
  testId: string
}) {
  const t = useT()
  if (items.length === 0) return null
  return (
    <details className="removed" data-testid={testId}>
      <summary>
        {label} ({items.length})
      </summary>
      <ul className="removed__list">
        {items.map((item) => (
          <li key={item.id}>
            <span>{item.name}</span>{' '}
            <button
              type="button"
              className="button button--quiet"
              onClick={() => onRestore(item.id)}
            >
              {t.sections.restore}
              <span className="visually-hidden"> {item.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  )
}
