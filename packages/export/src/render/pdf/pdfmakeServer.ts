import pdfmake from 'pdfmake'
import vfs from 'pdfmake/build/vfs_fonts.js'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'

/** The part of pdfmake's Node entry that its type package leaves out. */
interface PdfmakeNode {
  virtualfs: { writeFileSync(name: string, content: Buffer): void }
}

let ready = false

/**
 * pdfmake with the Roboto files from its own package (`build/vfs_fonts.js`) in its virtual file
 * system, and every URL and local path refused: nothing is fetched or read at run time (EXP-11).
 */
function setUp(): void {
  if (ready) return
  const fs = (pdfmake as unknown as PdfmakeNode).virtualfs
  for (const [name, base64] of Object.entries(vfs))
    fs.writeFileSync(name, Buffer.from(base64, 'base64'))
  pdfmake.setFonts({
    Roboto: {
      normal: 'Roboto-Regular.ttf',
      bold: 'Roboto-Medium.ttf',
      italics: 'Roboto-Italic.ttf',
      bolditalics: 'Roboto-MediumItalic.ttf',
    },
  })
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy(() => false)
  ready = true
}

export async function printPdf(definition: TDocumentDefinitions): Promise<Uint8Array> {
  setUp()
  const buffer = await pdfmake.createPdf(definition).getBuffer()
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}
