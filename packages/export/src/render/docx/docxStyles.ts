import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  type ILevelsOptions,
  type INumberingOptions,
  type IStylesOptions,
} from 'docx'

export const FONT = 'Calibri'
export const MONO = 'Consolas'
export const ACCENT = '1D4E89'
export const MUTED = '3D4651'

const BULLETS = ['•', '◦', '▪']

function indent(level: number) {
  return { paragraph: { indent: { left: 540 * (level + 1), hanging: 300 } } }
}

export function bulletLevels(): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.BULLET,
    text: BULLETS[level % BULLETS.length]!,
    alignment: AlignmentType.LEFT,
    style: indent(level),
  }))
}

export function orderedLevels(start: number): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    start: level === 0 ? start : 1,
    style: indent(level),
  }))
}

export const NUMBERING: INumberingOptions = {
  config: [
    { reference: 'bullet', levels: bulletLevels() },
    { reference: 'ordered', levels: orderedLevels(1) },
  ],
}

/** Paragraph and heading styles: Word's own ids, so its navigation pane and TOC know them. */
export function docxStyles(language: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: 22, language: { value: language } },
        paragraph: { spacing: { after: 120, line: 276 } },
      },
      title: { run: { font: FONT, size: 52, bold: true, color: '12345B' } },
      heading1: {
        run: { font: FONT, size: 32, bold: true, color: '12345B' },
        paragraph: { spacing: { before: 360, after: 160 }, keepNext: true },
      },
      heading2: {
        run: { font: FONT, size: 26, bold: true, color: '12345B' },
        paragraph: { spacing: { before: 280, after: 120 }, keepNext: true },
      },
      heading3: {
        run: { font: FONT, size: 24, bold: true },
        paragraph: { spacing: { before: 240, after: 100 }, keepNext: true },
      },
      heading4: { run: { font: FONT, size: 22, bold: true }, paragraph: { keepNext: true } },
      heading5: {
        run: { font: FONT, size: 22, bold: true, italics: true },
        paragraph: { keepNext: true },
      },
      heading6: { run: { font: FONT, size: 22, italics: true }, paragraph: { keepNext: true } },
      hyperlink: { run: { color: '0B5CAD', underline: {} } },
    },
    paragraphStyles: [
      {
        id: 'KoersQuote',
        name: 'Koers quote',
        basedOn: 'Normal',
        run: { color: MUTED },
        paragraph: {
          indent: { left: 567 },
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'C5CCD6', space: 8 } },
        },
      },
      {
        id: 'KoersCode',
        name: 'Koers code',
        basedOn: 'Normal',
        run: { font: MONO, size: 19 },
        paragraph: { spacing: { after: 0, line: 240 }, indent: { left: 284 } },
      },
      {
        id: 'KoersQuestions',
        name: 'Koers guiding questions',
        basedOn: 'Normal',
        run: { color: '12345B', size: 21 },
        paragraph: { spacing: { after: 60 } },
      },
      {
        id: 'KoersTags',
        name: 'Koers tags',
        basedOn: 'Normal',
        run: { color: MUTED, size: 20, italics: true },
      },
    ],
  }
}
