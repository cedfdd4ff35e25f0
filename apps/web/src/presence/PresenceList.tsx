import type { Role } from '@koers/protocol'
import { useI18n } from '../i18n/i18n.tsx'
import { textOn } from './textOn.ts'
import type { Present } from './usePresence.ts'

export function PresenceList({ people, selfRole }: { people: Present[]; selfRole: Role }) {
  const { t } = useI18n()
  return (
    <section className="presence" aria-labelledby="presence-title" data-testid="presence">
      <h2 id="presence-title" className="presence__title">
        {t.presence.title} <span className="muted">({t.presence.count(people.length)})</span>
      </h2>
      <ul className="presence__list">
        {people.map((person) => {
          const role = person.role ?? (person.isSelf ? selfRole : null)
          return (
            <li key={person.clientId} className="presence__person" data-client-id={person.clientId}>
              <span
                className="avatar"
                style={{ backgroundColor: person.color, color: textOn(person.color) }}
                aria-hidden="true"
              >
                {person.name.slice(0, 1).toUpperCase()}
              </span>
              <span className="presence__name">
                {person.name}
                {person.isSelf && <span className="muted"> {t.presence.you}</span>}
                {role && role !== 'editor' && (
                  <span className="presence__role"> · {t.roles[role]}</span>
                )}
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
