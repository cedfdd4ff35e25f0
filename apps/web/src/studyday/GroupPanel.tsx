import { setFollow, setPaused } from '@koers/doc-model'
import { useState } from 'react'
import type * as Y from 'yjs'
import { useT } from '../i18n/i18n.tsx'
import { isSoundOn, setSoundOn } from './timerSound.ts'
import type { StudyDayState } from './useStudyDay.ts'

/** Console: pause, follow, the projector view and the timer's sound. */
export function GroupPanel({
  doc,
  day,
  workspaceId,
}: {
  doc: Y.Doc
  day: StudyDayState
  workspaceId: string
}) {
  const t = useT()
  const [sound, setSound] = useState(isSoundOn)
  return (
    <section className="card stack console__card" aria-labelledby="console-group">
      <h2 id="console-group">{t.studyDay.groupTitle}</h2>
      <div className="toggle-row">
        <button
          type="button"
          className={`button toggle${day.paused ? ' toggle--on' : ''}`}
          aria-pressed={day.paused}
          data-testid="toggle-pause"
          onClick={() => setPaused(doc, !day.paused)}
        >
          {t.studyDay.pauseToggle}
        </button>
        <span className="muted">{t.studyDay.pauseHelp}</span>
      </div>
      <div className="toggle-row">
        <button
          type="button"
          className={`button toggle${day.follow.on ? ' toggle--on' : ''}`}
          aria-pressed={day.follow.on}
          data-testid="toggle-follow"
          onClick={() => setFollow(doc, { on: !day.follow.on })}
        >
          {t.studyDay.followToggle}
        </button>
        <span className="muted">{t.studyDay.followHelp}</span>
      </div>
      <div className="toggle-row">
        <button
          type="button"
          className={`button toggle${sound ? ' toggle--on' : ''}`}
          aria-pressed={sound}
          onClick={() => {
            setSoundOn(!sound)
            setSound(!sound)
          }}
        >
          {t.studyDay.soundToggle}
        </button>
        <span className="muted">{t.studyDay.soundHelp}</span>
      </div>
      <p>
        <a
          className="button"
          href={`/w/${encodeURIComponent(workspaceId)}/projector`}
          target="_blank"
          rel="noopener"
          data-testid="open-projector"
        >
          {t.studyDay.openProjector}
        </a>
      </p>
    </section>
  )
}
