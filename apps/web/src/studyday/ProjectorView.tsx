import { listSections, PHASE_FORMAT_LABELS, readMeta, Root } from '@koers/doc-model'
import { useEffect } from 'react'
import { useDocValue } from '../common/useDocValue.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { usePresence } from '../presence/usePresence.ts'
import type { ConnectionSnapshot } from '../sync/WorkspaceConnection.ts'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { JoinCodeCard } from './JoinCodeCard.tsx'
import { ProjectorText } from './ProjectorText.tsx'
import { TimerDisplay } from './TimerDisplay.tsx'
import { useJoinCode } from './useJoinCode.ts'
import { useStudyDay } from './useStudyDay.ts'
import { ProjectorRound } from '../rounds/ProjectorRound.tsx'
import { focusRound, useRounds } from '../rounds/useRounds.ts'
import './projector.css'

/**
 * The presentatieweergave (STUDY-10) on the big screen: the current phase and its questions in
 * large type, the shared timer, the join code with its QR code while joining is open, how many
 * people are here, and the linked section's text, live. It fills the window and never scrolls.
 */
export function ProjectorView({ snapshot }: { snapshot: ConnectionSnapshot }) {
  const { t, language } = useI18n()
  const { doc, provider, role, workspaceId } = useWorkspace()
  const day = useStudyDay(doc)
  const meta = useDocValue(doc, [Root.meta], readMeta)
  const sections = useDocValue(doc, [Root.sections], listSections)
  const join = useJoinCode(workspaceId)
  const people = usePresence(provider.awareness, snapshot.stampedColor)
  const rounds = useRounds(doc)

  useEffect(() => {
    // The big screen is not a person: it does not show up in anyone's presence list.
    provider.awareness.setLocalState(null)
    document.documentElement.classList.add('projector-mode')
    document.title = `${meta.title || t.workspace.untitled} – ${t.studyDay.projectorTitle}`
    return () => document.documentElement.classList.remove('projector-mode')
  }, [provider, meta.title, t])

  if (role !== 'facilitator') {
    return (
      <main id="main" className="page">
        <p className="notice notice--warning">{t.studyDay.projectorOnlyFacilitator}</p>
      </main>
    )
  }

  const index = day.phases.findIndex((phase) => phase.id === day.agenda.current)
  const phase = day.phases[index]
  const section = phase ? sections.find((s) => s.id === phase.sections[0]) : undefined
  const present = people.filter((person) => !person.isSelf).length
  // ROUND-51: an open round, or the latest round of the current phase, takes the section's place.
  const focus = focusRound(rounds, day.agenda.current)
  const round =
    focus && (focus.status === 'open' || (phase !== undefined && focus.phaseId === phase.id))
      ? focus
      : null

  return (
    <main id="main" className="projector" data-testid="projector">
      <div className="projector__main">
        <p className="projector__school">{meta.title || t.workspace.untitled}</p>
        {phase ? (
          <>
            <p className="projector__step">
              {t.studyDay.phaseOf(index + 1, day.phases.length)} ·{' '}
              {PHASE_FORMAT_LABELS[phase.format][language]}
            </p>
            <h1 className="projector__phase" data-testid="projector-phase">
              {phase.title || t.studyDay.untitledPhase}
            </h1>
          </>
        ) : (
          <h1 className="projector__phase" data-testid="projector-phase">
            {day.agenda.dayStartedAt > 0 ? t.studyDay.projectorEnded : t.studyDay.projectorWelcome}
          </h1>
        )}
        {round && <ProjectorRound round={round} />}
        {!round && section && (
          <div className="projector__section">
            <h2 className="projector__section-title">{section.title}</h2>
            {section.questions.length > 0 && (
              <ul className="projector__questions">
                {section.questions.slice(0, 3).map((question) => (
                  <li key={question}>{question}</li>
                ))}
              </ul>
            )}
            <ProjectorText
              doc={doc}
              sectionId={section.id}
              label={t.sections.editorLabel(section.title)}
            />
          </div>
        )}
      </div>
      <aside className="projector__side" aria-label={t.studyDay.projectorSide}>
        {(phase || day.timer.status !== 'stopped') && (
          <TimerDisplay timer={day.timer} size="large" signal />
        )}
        {join.code && <JoinCodeCard code={join.code} variant="projector" />}
        <p className="projector__present" data-testid="projector-present">
          {t.hall.presenceButton(present)}
        </p>
      </aside>
    </main>
  )
}
