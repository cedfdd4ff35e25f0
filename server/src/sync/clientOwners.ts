import * as Y from 'yjs'
import type { ClientClaim } from '../store/documentStore.ts'
import { decodeUntrusted } from './untrusted.ts'

/** The owner of the room's own client id (its reverts), never a participant. */
const SERVER_OWNER = '#server'

const clockOf = (doc: Y.Doc, client: number): number => {
  const structs = doc.store.clients.get(client)
  const last = structs?.[structs.length - 1]
  return last ? last.id.clock + last.length : 0
}

/**
 * SYNC-19: a Yjs client id belongs to the participant who first wrote with it. An update may
 * add clocks only to client ids its participant owns, or to ids the document has never seen
 * (which it then claims). So nobody can occupy another person's future clocks (with a
 * garbage-collected struct of length 2³⁰, say) and make their offline text vanish when they
 * come back. Claims are stored with the update that makes them and survive restarts.
 */
export class ClientOwners {
  private readonly owners: Map<number, string>
  private claims: ClientClaim[] = []

  constructor(
    private readonly doc: Y.Doc,
    stored: Map<number, string>,
  ) {
    this.owners = new Map(stored)
    this.owners.set(doc.clientID, SERVER_OWNER)
  }

  /** Whether `participantId` may send `update`; records the claims it makes. */
  admit(participantId: string, update: Uint8Array): 'admitted' | 'foreign' | 'malformed' {
    const to = decodeUntrusted(() => Y.parseUpdateMeta(update).to)
    if (to === null) return 'malformed'
    const claims: number[] = []
    for (const [client, end] of to) {
      const known = clockOf(this.doc, client)
      if (end <= known) continue
      const owner = this.owners.get(client)
      if (owner === participantId) continue
      if (owner !== undefined || known > 0) return 'foreign'
      claims.push(client)
    }
    for (const client of claims) {
      this.owners.set(client, participantId)
      this.claims.push([client, participantId])
    }
    return 'admitted'
  }

  /** Claims another instance made and stored (SCALE-3): the first claim of an id stays. */
  learn(claims: readonly ClientClaim[]): void {
    for (const [client, participantId] of claims) {
      if (!this.owners.has(client)) this.owners.set(client, participantId)
    }
  }

  /** The claims made since the last call, to store with the next append. */
  takeClaims(): ClientClaim[] {
    const claims = this.claims
    this.claims = []
    return claims
  }
}
