import { useT } from '../i18n/i18n.tsx'
import { AvatarStack } from './AvatarStack.tsx'
import type { Present } from './usePresence.ts'

/** Who has their cursor in this section now: at most three avatars and one short line. */
export function WritersHere({ people, compact }: { people: Present[]; compact?: boolean }) {
  const t = useT()
  if (people.length === 0) return null
  return (
    <p className={`writers${compact ? ' writers--compact' : ''}`} data-testid="writers-here">
      <AvatarStack people={people} max={3} small />
      <span className={compact ? 'visually-hidden' : 'writers__names'}>
        {t.sections.writingHere(people.map((person) => person.name))}
      </span>
    </p>
  )
}
