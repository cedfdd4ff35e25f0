import { useRef } from 'react'
import type { KeyboardEvent } from 'react'

export interface TabDef<K extends string> {
  key: K
  label: string
}

/** ARIA tabs: arrow keys move between tabs, the selected tab is the only one in the tab order. */
export function WorkspaceTabs<K extends string>({
  tabs,
  selected,
  onSelect,
  label,
}: {
  tabs: TabDef<K>[]
  selected: K
  onSelect: (key: K) => void
  label: string
}) {
  const refs = useRef(new Map<K, HTMLButtonElement>())
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const index = tabs.findIndex((tab) => tab.key === selected)
    let next = -1
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = tabs.length - 1
    const tab = tabs[next]
    if (!tab) return
    event.preventDefault()
    onSelect(tab.key)
    refs.current.get(tab.key)?.focus()
  }
  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.key}
          type="button"
          role="tab"
          id={`tab-${tab.key}`}
          aria-selected={tab.key === selected}
          aria-controls={`panel-${tab.key}`}
          tabIndex={tab.key === selected ? 0 : -1}
          className="tab"
          data-testid={`tab-${tab.key}`}
          ref={(element) => {
            if (element) refs.current.set(tab.key, element)
            else refs.current.delete(tab.key)
          }}
          onClick={() => onSelect(tab.key)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  )
}
