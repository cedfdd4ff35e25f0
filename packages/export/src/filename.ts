/** Lower-case ASCII words joined by hyphens: "Visie op digitalisering – De Regenboog" → "visie-op-digitalisering-de-regenboog". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
}

/**
 * A readable ASCII file name (EXP-1): the title, with the school when the title does not name
 * it already; never empty.
 */
export function exportFilename(
  title: string,
  school: string,
  fallback: string,
  extension: string,
): string {
  const titleSlug = slugify(title)
  const schoolSlug = slugify(school)
  const both =
    schoolSlug !== '' && !titleSlug.includes(schoolSlug) ? slugify(`${title} ${school}`) : titleSlug
  return `${both || slugify(fallback) || 'koers'}.${extension}`
}
