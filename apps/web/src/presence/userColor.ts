// Same palette and rule as the server (server/src/auth/participantColor.ts), so our own caret has
// the colour everyone else sees for us.
const palette = [
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
]

/** A first guess without crypto (plain-http school servers have no crypto.subtle). */
export function fallbackColor(seed: string): string {
  let hash = 0
  for (let i = 0; i < seed.length; i++) hash = (hash * 31 + seed.charCodeAt(i)) | 0
  return palette[Math.abs(hash) % palette.length] ?? '#3d5a80'
}

export async function participantColor(participantId: string): Promise<string> {
  if (!globalThis.crypto?.subtle) return fallbackColor(participantId)
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(participantId))
  const first = new Uint8Array(digest)[0] ?? 0
  return palette[first % palette.length] ?? '#3d5a80'
}

/** Black or white, whichever reads better on the given #rrggbb background. */
export function textOn(background: string): string {
  const channel = (offset: number) => {
    const value = parseInt(background.slice(offset, offset + 2), 16) / 255
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
  return luminance > 0.2 ? '#111827' : '#ffffff'
}
