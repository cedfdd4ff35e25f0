import type { DisplayTextProblem } from '@koers/protocol'
import type { Dictionary } from '../i18n/nl.ts'

/** SEC-8: what a form says about a name or title that `cleanDisplayText` refused. */
export function displayTextError(t: Dictionary, problem: DisplayTextProblem, max: number): string {
  switch (problem) {
    case 'empty':
      return t.inputProblems.empty
    case 'invisible':
      return t.inputProblems.invisible
    case 'too_long':
      return t.inputProblems.tooLong(max)
  }
}
