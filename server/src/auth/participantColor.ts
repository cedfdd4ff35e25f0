import { createHash } from 'node:crypto'

/** Colours that read well as cursor labels on white, in light and dark projector modes. */
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

/** Deterministic: the same participant gets the same colour on every device and reconnect. */
export const participantColor = (participantId: string): string => {
  const digest = createHash('sha256').update(participantId).digest()
  return PALETTE[digest[0]! % PALETTE.length]!
}
