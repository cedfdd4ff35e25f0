import { bodyRootName, isBodyValid, repairBody } from '@koers/doc-model'
import { useEffect, useState } from 'react'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { BrokenSection } from './BrokenSection.tsx'
import { ErrorBoundary } from '../common/ErrorBoundary.tsx'
import { SectionEditor } from './SectionEditor.tsx'

/**
 * A section's text, or, when the editor cannot show it, an error in this section only, with a
 * repair for the facilitator (WEB-6). Typing changes only paragraphs' contents, so watching the
 * body's top level costs nothing per keystroke; a broken body arrives as new top-level nodes.
 */
export function SectionBody({ sectionId, title }: { sectionId: string; title: string }) {
  const { doc } = useWorkspace()
  const [valid, setValid] = useState(() => isBodyValid(doc, sectionId))
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const body = doc.getXmlFragment(bodyRootName(sectionId))
    const recheck = (): void => setValid(isBodyValid(doc, sectionId))
    recheck()
    body.observe(recheck)
    return () => body.unobserve(recheck)
  }, [doc, sectionId])

  const repair = (): void => {
    repairBody(doc, sectionId)
    setValid(isBodyValid(doc, sectionId))
    setAttempt((n) => n + 1)
  }
  const broken = <BrokenSection sectionId={sectionId} onRepair={repair} />
  if (!valid) return broken
  return (
    <ErrorBoundary key={attempt} fallback={broken}>
      <SectionEditor sectionId={sectionId} title={title} />
    </ErrorBoundary>
  )
}
