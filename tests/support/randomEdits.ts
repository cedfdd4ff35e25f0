import * as prng from 'lib0/prng'
import * as Y from 'yjs'

export const bodyNames = ['body:s-aanleiding', 'body:s-kernwaarden'] as const
export const rationaleName = 'text:rationale'

function paragraphs(fragment: Y.XmlFragment): Y.XmlElement[] {
  return fragment.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement)
}

function textOf(paragraph: Y.XmlElement): Y.XmlText {
  const first = paragraph.get(0)
  if (first instanceof Y.XmlText) return first
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  return text
}

function newParagraph(gen: prng.PRNG): Y.XmlElement {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(prng.word(gen, 1, 12))])
  return p
}

/**
 * One random edit of the kinds a Koers team makes: typing and deleting in a section body
 * (paragraphs in a Y.XmlFragment, as Tiptap writes them), splitting off and removing paragraphs,
 * bold formatting, editing a rationale Y.Text, and moving a principle by writing its rank.
 */
export function randomEdit(
  gen: prng.PRNG,
  doc: Y.Doc,
  bodies: readonly string[] = bodyNames,
  bodiesOnly = false,
): void {
  const fragment = doc.getXmlFragment(prng.oneOf(gen, [...bodies]))
  const kind = prng.int31(gen, 0, bodiesOnly ? 7 : 9)
  doc.transact(() => {
    const ps = paragraphs(fragment)
    if (ps.length === 0 || kind === 0) {
      fragment.insert(prng.int31(gen, 0, fragment.length), [newParagraph(gen)])
      return
    }
    const paragraph = prng.oneOf(gen, ps)
    const text = textOf(paragraph)
    if (kind <= 4) {
      text.insert(prng.int31(gen, 0, text.length), prng.word(gen, 1, 6))
    } else if (kind <= 6) {
      if (text.length === 0) return
      const at = prng.int31(gen, 0, text.length - 1)
      text.delete(at, prng.int31(gen, 1, Math.min(5, text.length - at)))
    } else if (kind === 7) {
      if (prng.bool(gen) && ps.length > 1) {
        fragment.delete(ps.indexOf(paragraph), 1)
      } else if (text.length > 1) {
        const at = prng.int31(gen, 0, text.length - 1)
        text.format(at, prng.int31(gen, 1, text.length - at), {
          bold: prng.bool(gen) ? true : null,
        })
      }
    } else if (kind === 8) {
      const rationale = doc.getText(rationaleName)
      if (prng.bool(gen) || rationale.length === 0) {
        rationale.insert(prng.int31(gen, 0, rationale.length), prng.word(gen, 1, 8))
      } else {
        const at = prng.int31(gen, 0, rationale.length - 1)
        rationale.delete(at, 1)
      }
    } else {
      const principles = doc.getMap<Y.Map<string>>('principles')
      const id = `p${prng.int31(gen, 1, 4)}`
      let principle = principles.get(id)
      if (!principle) {
        principle = new Y.Map<string>()
        principles.set(id, principle)
      }
      principle.set('rank', `0|${prng.word(gen, 2, 6)}:`)
    }
  })
}
