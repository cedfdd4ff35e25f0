import { ApiError, NetworkError } from '../api/client.ts'
import type { Dictionary } from '../i18n/nl.ts'

/** The sentence to show for a failed round request. */
export function roundErrorText(t: Dictionary, error: unknown, refused?: string): string {
  if (error instanceof NetworkError) return t.rounds.offline
  if (error instanceof ApiError) {
    if (error.status === 409 || error.status === 410) return t.rounds.closed
    if (error.status === 422 && refused) return refused
  }
  return t.rounds.failed
}
