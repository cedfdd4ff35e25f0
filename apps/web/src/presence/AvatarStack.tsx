import { useT } from '../i18n/i18n.tsx'
import { textOn } from './textOn.ts'
import type { Present } from './usePresence.ts'

/** Overlapping initials of the first `max` people and "+N" for the rest; decorative. */
export function AvatarStack({
  people,
  max,
  small = false,
}: {
  people: Present[]
  max: number
  small?: boolean
}) {
  const t = useT()
  const shown = people.length > max ? people.slice(0, max - 1) : people
  const rest = people.length - shown.length
  const size = small ? ' avatar--small' : ''
  return (
    <span className="avatar-stack" aria-hidden="true">
      {shown.map((person) => (
        <span
          key={person.clientId}
          className={`avatar${size}`}
          style={{ backgroundColor: person.color, color: textOn(person.color) }}
          data-color={person.color}
        >
          {person.name.slice(0, 1).toUpperCase()}
        </span>
      ))}
      {rest > 0 && <span className={`avatar avatar--more${size}`}>{t.hall.more(rest)}</span>}
    </span>
  )
}
