import { isRetryableClose } from '@koers/protocol'

/** A close the server decided and reconnecting cannot fix (permission, size, malformed frames). */
export function isTerminalClose(code: number): boolean {
  return !isRetryableClose(code)
}
