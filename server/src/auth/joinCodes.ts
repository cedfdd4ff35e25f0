import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normalizeJoinCode } from '@koers/protocol'
import { randomInt } from 'node:crypto'
import type { JoinCodeStore } from '../store/joinCodeStore.ts'
import { hashSecret } from './secrets.ts'

/** A code works for 12 hours unless it is closed earlier (STUDY-8). */
export const JOIN_CODE_LIFETIME_MS = 12 * 60 * 60 * 1000
const DRAWS = 8

export type CodeLookup =
  | { kind: 'open'; workspaceId: string }
  | { kind: 'unknown' }
  | { kind: 'closed' }
  | { kind: 'expired' }

/** Six symbols drawn uniformly (`randomInt` has no modulo bias) from the alphabet. */
export const drawJoinCode = (): string => {
  let code = ''
  for (let i = 0; i < JOIN_CODE_LENGTH; i++)
    code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]
  return code
}

/**
 * The study day's join codes (STUDY-8). Only the SHA-256 of a code is stored. With 31^6 codes
 * that keeps the code out of a casual look at the database, not from someone who has the file
 * and tries every code: that is why a code lives 12 hours at most and guessing is throttled.
 */
export class JoinCodeService {
  constructor(
    private readonly store: JoinCodeStore,
    private readonly draw: () => string = drawJoinCode,
  ) {}

  /** Opens joining with a new code (the previous one stops working). */
  async open(workspaceId: string, now: Date): Promise<{ code: string; expiresAt: Date }> {
    const expiresAt = new Date(now.getTime() + JOIN_CODE_LIFETIME_MS)
    for (let i = 0; i < DRAWS; i++) {
      const code = this.draw()
      if (await this.store.open(workspaceId, hashSecret(code), now, expiresAt)) {
        return { code, expiresAt }
      }
    }
    throw new Error('no free join code after several draws')
  }

  async lookup(input: string, now: Date): Promise<CodeLookup> {
    const code = normalizeJoinCode(input)
    const found = code === null ? null : await this.store.find(hashSecret(code))
    if (!found) return { kind: 'unknown' }
    if (found.closedAt !== null) return { kind: 'closed' }
    if (found.expiresAt.getTime() <= now.getTime()) return { kind: 'expired' }
    return { kind: 'open', workspaceId: found.workspaceId }
  }

  current(workspaceId: string, now: Date): Promise<{ expiresAt: Date } | null> {
    return this.store.current(workspaceId, now)
  }

  close(workspaceId: string, now: Date): Promise<boolean> {
    return this.store.close(workspaceId, now)
  }
}
