const WORKSPACE_ID = /^[A-Za-z0-9_-]{16,32}$/

/** A workspace id is url-safe base64 (A–Z a–z 0–9 _ -), 16 to 32 characters. */
export const isWorkspaceId = (value: unknown): value is string =>
  typeof value === 'string' && WORKSPACE_ID.test(value)

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** 22 random url-safe characters (132 bits), from the platform CSPRNG. */
export const newWorkspaceId = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(22))
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte & 63]
  return id
}
