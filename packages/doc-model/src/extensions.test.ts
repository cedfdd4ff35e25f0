import { describe, expect, it } from 'vitest'
import { createExtensions, createSchema } from './extensions.ts'

describe('extensions', () => {
  it('DM-12: builds one headless schema with the StarterKit nodes and marks, without history', () => {
    const schema = createSchema()
    for (const node of [
      'doc',
      'paragraph',
      'heading',
      'bulletList',
      'orderedList',
      'listItem',
      'blockquote',
      'codeBlock',
      'hardBreak',
      'horizontalRule',
      'text',
    ]) {
      expect(schema.nodes[node], node).toBeDefined()
    }
    for (const mark of ['bold', 'italic', 'strike', 'code', 'underline', 'link']) {
      expect(schema.marks[mark], mark).toBeDefined()
    }
    const names = createExtensions().flatMap((extension) => [
      extension.name,
      ...((extension.options as { undoRedo?: unknown }).undoRedo === false ? ['no-undo'] : []),
    ])
    expect(names).toContain('no-undo')
  })

  it('DM-12: parses document JSON as the editor writes it', () => {
    const schema = createSchema()
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Ambities' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Zie ' },
            {
              type: 'text',
              text: 'Kennisnet',
              marks: [{ type: 'link', attrs: { href: 'https://kennisnet.nl' } }],
            },
          ],
        },
      ],
    })
    doc.check()
    expect(doc.textContent).toBe('AmbitiesZie Kennisnet')
  })
})
