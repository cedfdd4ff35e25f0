import { isIsoDate } from '@koers/doc-model'
import type { Labels } from '../labels.ts'

const formats = new Map<string, Intl.DateTimeFormat>()

/** Building a DateTimeFormat costs more than formatting: one per locale and zone. */
function dateFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone })
    formats.set(key, format)
  }
  return format
}

/** A YYYY-MM-DD date as people read it ("10 maart 2026"); '' for no or a broken date. */
export function formatIsoDate(date: string, labels: Labels): string {
  if (!isIsoDate(date)) return ''
  return dateFormat(labels.locale, 'UTC').format(new Date(`${date}T00:00:00Z`))
}

/** The day of a moment, in the Netherlands, as people read it. */
export function formatDay(moment: Date, labels: Labels): string {
  return dateFormat(labels.locale, 'Europe/Amsterdam').format(moment)
}

/** At most `max` characters, cut at a word where possible, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
