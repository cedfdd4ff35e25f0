/** A YYYY-MM-DD date as people read it ("10 maart 2026"); '' stays '', anything else as is. */
export function formatDate(date: string, language: string): string {
  if (!date) return ''
  const parsed = new Date(`${date}T00:00:00`)
  if (Number.isNaN(parsed.getTime())) return date
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
  }).format(parsed)
}
