import { sectionBody } from '@koers/doc-model'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { joinAs } from '../support/api.ts'
import { connectProvider, waitForSync } from '../support/provider.ts'

export interface Crowd {
  /** Typing and caret moves on (the default) or off. */
  setActive: (active: boolean) => void
  stop: () => void
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz '

function caret(text: Y.XmlText, index: number) {
  const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index))
  return { anchor: at, head: at }
}

/**
 * `size` scripted people in one section, each a y-websocket client with their own session: all
 * show a caret in the section (awareness), `typists` of them type about four keys a second into
 * a paragraph of their own, the others move their caret now and then.
 */
export async function startCrowd(
  url: string,
  editorKey: string,
  sectionId: string,
  size: number,
  typists: number,
): Promise<Crowd> {
  const providers: WebsocketProvider[] = []
  const timers: ReturnType<typeof setInterval>[] = []
  let active = true
  for (let i = 0; i < size; i++) {
    const session = await joinAs(url, editorKey, `Collega ${i + 1}`)
    const doc = new Y.Doc()
    const provider = await connectProvider(url, session.workspaceId, session.cookie, doc)
    await waitForSync(provider, 30_000)
    providers.push(provider)
    const body = sectionBody(doc, sectionId)
    // paragraph 0 is the measured person's; paragraph i + 1 this person's
    const paragraph = body.get(i + 1)
    const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null
    if (!(text instanceof Y.XmlText)) throw new Error('the section has too few paragraphs')
    provider.awareness.setLocalStateField('section', sectionId)
    provider.awareness.setLocalStateField('cursor', caret(text, text.length))
    if (i < typists) {
      let n = i
      timers.push(
        setInterval(() => {
          if (!active) return
          text.insert(text.length, LETTERS[n++ % LETTERS.length]!)
          provider.awareness.setLocalStateField('cursor', caret(text, text.length))
        }, 250),
      )
    } else {
      timers.push(
        setInterval(
          () => {
            if (!active) return
            const at = Math.floor(Math.random() * (text.length + 1))
            provider.awareness.setLocalStateField('cursor', caret(text, at))
          },
          2_000 + Math.random() * 2_000,
        ),
      )
    }
  }
  return {
    setActive: (on) => {
      active = on
    },
    stop: () => {
      for (const timer of timers) clearInterval(timer)
      for (const provider of providers) provider.destroy()
    },
  }
}

/** Gives the section `1 + size` paragraphs, so every scripted person has one of their own. */
export function seedParagraphs(doc: Y.Doc, sectionId: string, size: number): void {
  const body = sectionBody(doc, sectionId)
  doc.transact(() => {
    const paragraphs = Array.from({ length: size + 1 }, (_, i) => {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText(i === 0 ? 'Onze visie: ' : `Collega ${i} schrijft: `)])
      return p
    })
    body.insert(body.length, paragraphs)
  })
}
