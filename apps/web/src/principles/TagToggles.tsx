import type { ReactNode } from 'react'

/** A group of toggle buttons (aria-pressed) under a legend. */
export function TagToggles<K extends string>({
  legend,
  options,
  selected,
  labelOf,
  onToggle,
  readOnly,
  children,
}: {
  legend: string
  options: readonly K[]
  selected: readonly K[]
  labelOf: (key: K) => string
  onToggle: (key: K, on: boolean) => void
  readOnly: boolean
  children?: ReactNode
}) {
  if (readOnly) {
    return (
      <div className="tags">
        <span className="tags__legend">{legend}:</span>{' '}
        {selected.length === 0 ? (
          <span className="muted">–</span>
        ) : (
          <ul className="tags__list">
            {selected.map((key) => (
              <li key={key} className="tag tag--on">
                {labelOf(key)}
              </li>
            ))}
          </ul>
        )}
      </div>
    )
  }
  return (
    <fieldset className="tags">
      <legend className="tags__legend">{legend}</legend>
      <div className="tags__list">
        {options.map((key) => {
          const on = selected.includes(key)
          return (
            <button
              key={key}
              type="button"
              className={`tag${on ? ' tag--on' : ''}`}
              aria-pressed={on}
              onClick={() => onToggle(key, !on)}
            >
              <span aria-hidden="true">{on ? '✓ ' : ''}</span>
              {labelOf(key)}
            </button>
          )
        })}
        {children}
      </div>
    </fieldset>
  )
}
