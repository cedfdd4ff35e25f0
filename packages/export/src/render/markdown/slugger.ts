/**
 * Heading anchors as GitHub (and Gitea, Forgejo) make them, so the table of contents links work
 * on a Git forge: lower case, punctuation dropped, spaces to hyphens, `-1`, `-2` for repeats.
 */
export class Slugger {
  private readonly seen = new Map<string, number>()

  slug(text: string): string {
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-')
    const count = this.seen.get(base) ?? 0
    this.seen.set(base, count + 1)
    return count === 0 ? base : `${base}-${count}`
  }
}
