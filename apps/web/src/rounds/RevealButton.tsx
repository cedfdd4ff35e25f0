import { useState } from 'react'
import { useAnnounce } from '../common/Announcer.tsx'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { revealRound } from './roundsApi.ts'
import { roundErrorText } from './roundError.ts'

/** "Onthullen" (facilitator): everything appears at once, without names (ROUND-4, ROUND-9). */
export function RevealButton({ roundId }: { roundId: string }) {
  const t = useT()
  const announce = useAnnounce()
  const { workspaceId } = useWorkspace()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  async function reveal(): Promise<void> {
    setBusy(true)
    setError('')
    try {
      await revealRound(workspaceId, roundId)
      announce(t.rounds.revealedNow)
    } catch (failure) {
      setError(roundErrorText(t, failure))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="reveal">
      <p className="muted" id={`reveal-help-${roundId}`}>
        {t.rounds.revealHelp}
      </p>
      <button
        type="button"
        className="button button--primary"
        disabled={busy}
        aria-describedby={`reveal-help-${roundId}`}
        data-testid="reveal-round"
        onClick={() => void reveal()}
      >
        {t.rounds.reveal}
      </button>
      <p className="form-error" role="alert">
        {error}
      </p>
    </div>
  )
}
