import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** 32 random bytes, base64url: used for role keys, session tokens and tickets. */
export const newSecret = (): string => randomBytes(32).toString('base64url')

/** 16 random bytes, base64url: a participant id (not secret, only unique). */
export const newParticipantId = (): string => randomBytes(16).toString('base64url')

/** SHA-256 hex; secrets are high-entropy, so no salt or slow hash is needed. */
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex')

export const safeEqual = (a: string, b: string): boolean => {
  const left = createHash('sha256').update(a).digest()
  const right = createHash('sha256').update(b).digest()
  return timingSafeEqual(left, right)
}
