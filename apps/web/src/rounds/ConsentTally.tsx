import type { RoundResult } from '@koers/doc-model'
import { useT } from '../i18n/i18n.tsx'

/** ROUND-11: "18 ✓, 3 zorgen, 0 bezwaren", with a proportional strip that only decorates. */
export function ConsentTally({ result, notes = true }: { result: RoundResult; notes?: boolean }) {
  const t = useT()
  const total = Math.max(1, result.consent + result.concern + result.objection)
  return (
    <div className="tally" data-testid="consent-tally">
      <p className="tally__text">
        <span aria-hidden="true">
          {t.rounds.tally(result.consent, result.concern, result.objection)}
        </span>
        <span className="visually-hidden">
          {t.rounds.tallyLong(result.consent, result.concern, result.objection)}
        </span>
      </p>
      <div className="tally__strip" aria-hidden="true">
        <span
          className="tally__part tally__part--consent"
          style={{ flexGrow: result.consent / total }}
        />
        <span
          className="tally__part tally__part--concern"
          style={{ flexGrow: result.concern / total }}
        />
        <span
          className="tally__part tally__part--objection"
          style={{ flexGrow: result.objection / total }}
        />
      </div>
      {notes && result.notes.length > 0 && (
        <div className="tally__notes">
          <p className="tally__notes-title">{t.rounds.notesTitle}</p>
          <ul data-testid="consent-notes">
            {result.notes.map((note, index) => (
              <li key={index} className={`tally__note tally__note--${note.choice}`}>
                <strong>{t.rounds.choices[note.choice]}:</strong> {note.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
