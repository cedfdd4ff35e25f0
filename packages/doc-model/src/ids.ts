const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-'
const ID_LENGTH = 12

/** A short random url-safe id (12 characters, 72 bits). */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(ID_LENGTH))
  let id = ''
  // 64 symbols: `byte & 63` is uniform, no modulo bias.
  for (const byte of bytes) id += ALPHABET[byte & 63]
  return id
}
