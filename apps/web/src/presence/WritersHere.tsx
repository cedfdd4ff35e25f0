import { useT } from '../i18n/i18n.tsx'
import type { Present } from './usePresence.ts'
import { textOn } from './textOn.ts'

/** Small avatars of the people whose cursor is in this section now. */
export function WritersHere({ people, compact }: { people: Present[]; compact?: boolean }) {
  const t = useT()
  if (people.length === 0) return null
  return (
    <p className={`writers${compact ? ' writers--compact' : ''}`} data-testid="writers-here">
      {people.map((person) => (
        <span
          key={person.clientId}
          className="avatar avatar--small"
          style={{ backgroundColor: person.color, color: textOn(person.color) }}
          aria-hidden="true"
        >
          {person.name.slice(0, 1).toUpperCase()}
        </span>
      ))}
      <span className={compact ? 'visually-hidden' : 'writers__names'}>
        {t.sections.writingHere(people.map((person) => person.name))}
      </span>
    </p>
  )
}
