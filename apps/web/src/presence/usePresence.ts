import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { isRole, type Role } from '@koers/protocol'

export interface Present {
  clientId: number
  name: string
  color: string
  role: Role | null
  section: string | null
  isSelf: boolean
}

const PRESENCE_READ_MS = 150

const byName = new Intl.Collator('nl', { numeric: true })

function readPresence(awareness: Awareness, selfColor: string | null): Present[] {
  const people: Present[] = []
  awareness.getStates().forEach((state, clientId) => {
    const user: unknown = state.user
    if (typeof user !== 'object' || user === null) return
    const { name, color, role } = user as { name?: unknown; color?: unknown; role?: unknown }
    if (typeof name !== 'string' || name === '') return
    const section: unknown = state.section
    const isSelf = clientId === awareness.clientID
    people.push({
      clientId,
      name,
      color:
        isSelf && selfColor
          ? selfColor
          : typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color)
            ? color
            : '#475569',
      role: isRole(role) ? role : null,
      section: typeof section === 'string' ? section : null,
      isSelf,
    })
  })
  return people.sort((a, b) =>
    a.isSelf !== b.isSelf ? (a.isSelf ? -1 : 1) : byName.compare(a.name, b.name),
  )
}

function sameList(a: Present[], b: Present[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Who is here, as stamped by the server (name, colour, role) plus the section they edit. The
 * own entry is the local state, so its colour is the one the server stamped (`selfColor`) once
 * that is known (PERM-6).
 */
export function usePresence(awareness: Awareness, selfColor: string | null): Present[] {
  const [people, setPeople] = useState(() => readPresence(awareness, selfColor))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const read = () => {
      timer = undefined
      const next = readPresence(awareness, selfColor)
      setPeople((previous) => (sameList(previous, next) ? previous : next))
    }
    // carets move many times a second in a full room (and with every own keystroke): read the
    // list at most every PRESENCE_READ_MS instead of on each change (WEB-5)
    const onChange = () => {
      timer ??= setTimeout(read, PRESENCE_READ_MS)
    }
    read()
    awareness.on('change', onChange)
    return () => {
      clearTimeout(timer)
      awareness.off('change', onChange)
    }
  }, [awareness, selfColor])
  return people
}
