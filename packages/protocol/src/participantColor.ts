/** Colours that read well as caret labels on white and on a projector. */
const PALETTE = [
  '#d1495b',
  '#00798c',
  '#edae49',
  '#3d5a80',
  '#66a182',
  '#8e6c8a',
  '#e07a5f',
  '#2e86ab',
  '#a23b72',
  '#5c946e',
  '#c17c74',
  '#4f6d7a',
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
