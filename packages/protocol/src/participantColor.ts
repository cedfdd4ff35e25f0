/** Twelve clearly different hues that read well as caret labels on white and on a projector. */
const PALETTE = [
  '#c62828',
  '#ad1457',
  '#6a1b9a',
  '#283593',
  '#1565c0',
  '#00838f',
  '#00695c',
  '#2e7d32',
  '#827717',
  '#e65100',
  '#6d4c41',
  '#546e7a',
] as const

/**
 * Deterministic (FNV-1a over the id): the same participant gets the same colour on every device
 * and reconnect, and the browser computes the colour the server stamps without any crypto API
 * (plain-http school servers have no `crypto.subtle`).
 */
export const participantColor = (participantId: string): string => {
  let hash = 0x811c9dc5
  for (let i = 0; i < participantId.length; i++) {
    hash = Math.imul(hash ^ participantId.charCodeAt(i), 0x01000193) >>> 0
  }
  return PALETTE[hash % PALETTE.length]!
}
