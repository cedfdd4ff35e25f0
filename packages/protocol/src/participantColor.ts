/**
 * The colours the room hands out to the people present (PERM-6). Twenty-four, because that is
 * about where distinct hues run out: these are at least ΔE2000 13 apart (the closest pair is
 * purple and indigo), and further candidates come closer to one already in, so two people would
 * look alike anyway. Every colour gives a caret line of at least 3:1 on white and a label whose
 * black or white text (`textOn` in the web app) reads at 4.5:1. With 300 people a colour is
 * shared by at most 13, spread evenly; the caret label and the avatar letter carry the name.
 * The first twelve are the original palette; the other twelve were picked greedily from an sRGB
 * grid, each the candidate furthest (ΔE2000) from all colours before it.
 */
export const PARTICIPANT_COLORS = [
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
  '#ff33ee',
  '#cc7788',
  '#9988cc',
  '#0099ee',
  '#bb8855',
  '#995500',
  '#995599',
  '#44aa00',
  '#445500',
  '#669977',
  '#aa00ff',
  '#ff5555',
] as const

/**
 * The palette position a participant prefers. Deterministic (FNV-1a over the id), so the same
 * participant asks for the same colour on every device and reconnect, and the browser can
 * compute it without any crypto API (plain-http school servers have no `crypto.subtle`).
 */
export const preferredColorIndex = (participantId: string): number => {
  let hash = 0x811c9dc5
  for (let i = 0; i < participantId.length; i++) {
    hash = Math.imul(hash ^ participantId.charCodeAt(i), 0x01000193) >>> 0
  }
  return hash % PARTICIPANT_COLORS.length
}

/**
 * The colour a participant gets when it is free in the room. The room decides the colour that
 * is shown (`server/src/sync/colorAssignments.ts`); a client uses this only until the server's
 * stamp arrives.
 */
export const participantColor = (participantId: string): string =>
  PARTICIPANT_COLORS[preferredColorIndex(participantId)]!
