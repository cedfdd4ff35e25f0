import { RoundConsolePanel } from '../rounds/RoundConsolePanel.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { AgendaEditor } from './AgendaEditor.tsx'
import { GroupPanel } from './GroupPanel.tsx'
import { JoinCodePanel } from './JoinCodePanel.tsx'
import { RunPanel } from './RunPanel.tsx'
import { useStudyDay } from './useStudyDay.ts'
import './studyday.css'

/** The facilitator's console ("Studiedag" tab): run the day, open joining, edit the agenda. */
export function FacilitatorConsole({ onShowRound }: { onShowRound: () => void }) {
  const { doc, workspaceId } = useWorkspace()
  const day = useStudyDay(doc)
  return (
    <div className="console" data-testid="console">
      <div className="console__side">
        <RunPanel doc={doc} day={day} />
        <RoundConsolePanel day={day} onShowRound={onShowRound} />
        <JoinCodePanel workspaceId={workspaceId} />
        <GroupPanel doc={doc} day={day} workspaceId={workspaceId} />
      </div>
      <AgendaEditor doc={doc} day={day} />
    </div>
  )
}
