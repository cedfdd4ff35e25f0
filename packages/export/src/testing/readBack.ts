import { unzipSync, strFromU8 } from 'fflate'
import mammoth from 'mammoth'
import MarkdownIt from 'markdown-it'

// Independent readers of the exported files, for the tests: what another program makes of them.

/** A Word file as HTML, by mammoth. */
export async function docxAsHtml(bytes: Uint8Array): Promise<string> {
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
  return result.value
}

/** One XML part of a Word file (e.g. `word/document.xml`). */
export function docxPart(bytes: Uint8Array, name: string): string {
  const part = unzipSync(bytes)[name]
  if (!part) throw new Error(`No ${name} in the Word file`)
  return strFromU8(part)
}

/** The text of each page of a PDF, by pdf.js. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise
  const pages: string[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n)
    const content = await page.getTextContent()
    let text = ''
    for (const item of content.items) {
      if (!('str' in item)) continue
      text += item.str + (item.hasEOL ? '\n' : '')
    }
    pages.push(text)
  }
  await pdf.destroy()
  return pages
}

/** Markdown as a CommonMark + GFM renderer (markdown-it) turns it into HTML. */
export function markdownAsHtml(markdown: string): string {
  return new MarkdownIt({ html: true }).render(markdown)
}
