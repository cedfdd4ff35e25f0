import { useT } from '../i18n/i18n.tsx'
import { JoinCodeCard } from './JoinCodeCard.tsx'
import { useJoinCode } from './useJoinCode.ts'

/** Console: open joining by code (STUDY-8), show it with its QR code, close it. */
export function JoinCodePanel({ workspaceId }: { workspaceId: string }) {
  const t = useT()
  const join = useJoinCode(workspaceId)
  return (
    <section
      className="card stack console__card"
      aria-labelledby="console-join"
      data-testid="join-panel"
    >
      <h2 id="console-join">{t.studyDay.joinTitle}</h2>
      {join.code ? (
        <>
          <JoinCodeCard code={join.code} variant="console" />
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={join.busy}
              onClick={() => void join.open()}
            >
              {t.studyDay.newCode}
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={join.busy}
              onClick={() => void join.close()}
            >
              {t.studyDay.closeJoining}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="muted">{t.studyDay.joinIntro}</p>
          <div>
            <button
              type="button"
              className="button button--primary"
              disabled={join.busy}
              onClick={() => void join.open()}
            >
              {t.studyDay.openJoining}
            </button>
          </div>
        </>
      )}
      {join.failed && (
        <p className="form-error" role="alert">
          {t.studyDay.joinFailed}
        </p>
      )}
    </section>
  )
}
