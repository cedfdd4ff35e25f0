#!/usr/bin/env node
// Rule ids (SYNC-5, PERM-4, …) are defined once, in a doc, as a list item that starts with the id
// (`- SYNC-5: …` or `- **DM-3** …`), and cited by the code and tests that check them.
// Fails when an id is cited but defined nowhere, defined twice, or defined but cited by no code
// or test. Part of `pnpm lint`.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** Prefixes of rule ids; add one here when a doc starts a new area. */
const PREFIXES = [
  'A11Y',
  'DM',
  'DUR',
  'EXP',
  'HTTP',
  'LAYOUT',
  'LIM',
  'PERM',
  'PRES',
  'PRIV',
  'PROTO',
  'ROUND',
  'SCALE',
  'SEC',
  'STUDY',
  'SYNC',
  'VER',
  'WEB',
]
const ID = new RegExp(`\\b(?:${PREFIXES.join('|')})-\\d+\\b`, 'g')
const DEFINITION = new RegExp(`^\\s*- (?:\\*\\*)?((?:${PREFIXES.join('|')})-\\d+)\\b`)

// A file in the middle of a merge is listed once per stage.
const files = [
  ...new Set(
    execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { encoding: 'utf8' }).split(
      '\n',
    ),
  ),
].filter((file) => /\.(ts|tsx|md|mjs|js)$/.test(file) && !file.includes('node_modules'))

const isDoc = (file) => file.endsWith('.md')
const defined = new Map()
const citedByCode = new Map()
const citedAnywhere = new Map()
const problems = []

const add = (map, id, where) => {
  if (!map.has(id)) map.set(id, [])
  map.get(id).push(where)
}

for (const file of files) {
  let text
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    continue // deleted in the work tree
  }
  text.split('\n').forEach((line, index) => {
    const where = `${file}:${index + 1}`
    const definition = isDoc(file) ? DEFINITION.exec(line) : null
    if (definition) add(defined, definition[1], where)
    for (const [id] of line.matchAll(ID)) {
      if (definition && id === definition[1]) continue
      add(citedAnywhere, id, where)
      if (!isDoc(file)) add(citedByCode, id, where)
    }
  })
}

for (const [id, places] of defined) {
  if (places.length > 1)
    problems.push(`${id} is defined ${places.length} times: ${places.join(', ')}`)
  if (!citedByCode.has(id)) problems.push(`${id} (${places[0]}) is cited by no code or test`)
}
for (const [id, places] of citedAnywhere) {
  if (!defined.has(id)) problems.push(`${id} is cited but defined nowhere: ${places.join(', ')}`)
}

if (problems.length > 0) {
  console.error(`Rule ids (scripts/check-rule-ids.mjs):\n  ${problems.sort().join('\n  ')}`)
  process.exit(1)
}
console.log(`Rule ids: ${defined.size} defined once each, all cited by code or tests.`)
