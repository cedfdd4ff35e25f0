/**
 * Runs a Yjs or lib0 decode of bytes a client sent. Such decoders throw whatever they meet
 * (`TypeError`, a lib0 error, a `RangeError`) on malformed input; that is the sender's fault,
 * not a bug, so it becomes `null` and the caller closes the socket with 4400 (SYNC-7).
 */
export const decodeUntrusted = <T>(decode: () => T): T | null => {
  try {
    return decode()
  } catch {
    return null
  }
}
