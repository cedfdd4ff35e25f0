/**
 * EXP-16: `Content-Disposition: attachment` for a download (RFC 6266): `filename` as a quoted
 * ASCII fallback for old clients, and `filename*` (RFC 5987, UTF-8, percent-encoded) with the
 * exact name. Quotes, backslashes and control characters never reach the header.
 */
export const attachment = (filename: string): string => {
  const ascii =
    filename
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '')
      .trim() || 'download'
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
