import { encodeAwarenessEntries, encodeAwarenessFrame } from '@koers/protocol'
import WebSocket from 'ws'
import { joinAs, ticket, type Session } from './api.ts'

/**
 * How many joins (session + ticket + socket) run at once. The one place to change when the
 * server starts throttling joins per address.
 */
export const CROWD_BATCH = 50

/** The server drops awareness states not renewed for 30 s; stock clients renew every 15 s. */
const RENEW_MS = 10_000

export interface CrowdMember {
  session: Session
  clientId: number
  ws: WebSocket
}

export interface Crowd {
  members: CrowdMember[]
  /** Sets the section (or null) that one member's presence says they write in. */
  setSection: (member: CrowdMember, section: string | null) => void
  close: () => void
}

const openSocket = (url: string, workspaceId: string, ticketValue: string): Promise<WebSocket> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(
      `${url.replace(/^http/, 'ws')}/sync/${encodeURIComponent(workspaceId)}?ticket=${encodeURIComponent(ticketValue)}`,
    )
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade ${res.statusCode}`)))
  })

/** Runs `work` for every item, at most CROWD_BATCH at a time, keeping the order of results. */
async function inBatches<T, R>(items: T[], work: (item: T, index: number) => Promise<R>) {
  const results: R[] = []
  for (let start = 0; start < items.length; start += CROWD_BATCH) {
    const batch = items.slice(start, start + CROWD_BATCH)
    results.push(...(await Promise.all(batch.map((item, i) => work(item, start + i)))))
  }
  return results
}

/**
 * `names.length` people join with `key` and are present: each has their own session and a bare
 * socket that publishes an awareness state (name, optional section) and ignores what it receives,
 * so hundreds cost the test process almost nothing. Awareness only: the socket never syncs the
 * document. `close()` ends every socket (call it in the test's teardown).
 */
export async function joinCrowd(
  url: string,
  workspaceId: string,
  key: string,
  names: string[],
): Promise<Crowd> {
  const clocks = new Map<number, number>()
  const states = new Map<number, Record<string, unknown>>()
  const firstId = 1_000_000 + Math.floor(Math.random() * 1_000_000_000)
  const publish = (member: CrowdMember): void => {
    const clock = (clocks.get(member.clientId) ?? 0) + 1
    clocks.set(member.clientId, clock)
    const state = states.get(member.clientId) ?? {}
    if (member.ws.readyState !== WebSocket.OPEN) return
    member.ws.send(
      encodeAwarenessFrame(encodeAwarenessEntries([{ clientId: member.clientId, clock, state }])),
    )
  }
  const members = await inBatches(names, async (name, index) => {
    const session = await joinAs(url, key, name)
    const ws = await openSocket(url, workspaceId, await ticket(url, workspaceId, session.cookie))
    const member = { session, clientId: firstId + index, ws }
    // The server stamps name, colour and role; the state says where the cursor is.
    states.set(member.clientId, { user: { name }, section: null })
    publish(member)
    return member
  })
  const renew = setInterval(() => members.forEach(publish), RENEW_MS)
  return {
    members,
    setSection: (member, section) => {
      states.set(member.clientId, { ...states.get(member.clientId), section })
      publish(member)
    },
    close: () => {
      clearInterval(renew)
      for (const member of members) member.ws.terminate()
    },
  }
}

/** Dutch first names, repeated with a number, for a crowd of `count`. */
export function crowdNames(count: number): string[] {
  const first = ['Anna', 'Bram', 'Chris', 'Daan', 'Emma', 'Fatima', 'Gijs', 'Hanna', 'Ilse']
  const more = ['Joris', 'Kees', 'Lotte', 'Mohamed', 'Noor', 'Ouassima', 'Pieter', 'Roos', 'Sem']
  const all = [...first, ...more]
  return Array.from(
    { length: count },
    (_, i) => `${all[i % all.length]} ${Math.floor(i / all.length) + 1}`,
  )
}
