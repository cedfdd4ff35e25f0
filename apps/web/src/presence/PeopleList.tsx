import { useDeferredValue, useId, useState } from 'react'
import type { Role } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { textOn } from './textOn.ts'
import type { Present } from './usePresence.ts'

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase()

/** Everyone present, with a name search (ignores case and accents). */
export function PeopleList({ people, selfRole }: { people: Present[]; selfRole: Role }) {
  const { t } = useI18n()
  const id = useId()
  const [query, setQuery] = useState('')
  const wanted = fold(useDeferredValue(query).trim())
  const shown = wanted ? people.filter((person) => fold(person.name).includes(wanted)) : people
  return (
    <>
      <h2 id="presence-title" className="presence__title">
        {t.presence.title} <span className="muted">({t.presence.count(people.length)})</span>
      </h2>
      <label htmlFor={`${id}-search`} className="presence__search-label">
        {t.hall.searchLabel}
      </label>
      <input
        id={`${id}-search`}
        className="input input--small presence__search"
        type="search"
        autoComplete="off"
        placeholder={t.hall.searchPlaceholder}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <p className="muted presence__shown" aria-live="polite">
        {wanted && (shown.length ? t.hall.shown(shown.length, people.length) : t.hall.noMatch)}
      </p>
      <ul className="presence__list" aria-labelledby="presence-title">
        {shown.map((person) => {
          const role = person.role ?? (person.isSelf ? selfRole : null)
          return (
            <li key={person.clientId} className="presence__person" data-client-id={person.clientId}>
              <span
                className="avatar"
                style={{ backgroundColor: person.color, color: textOn(person.color) }}
                data-color={person.color}
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
    </>
  )
}
