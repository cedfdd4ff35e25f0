import {
  CONSENT_CHOICES,
  ROUND_LIMITS,
  type ConsentAnswer,
  type ConsentChoice,
} from '@koers/protocol'
import type { RoundState } from '@koers/doc-model'
import { useEffect, useId, useState } from 'react'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { itemLabel } from './itemLabel.ts'
import { fetchRound, putConsent } from './roundsApi.ts'
import { roundErrorText } from './roundError.ts'
import { useRoundItems, type RoundItem } from './useRounds.ts'

type Answers = Record<string, ConsentAnswer>

/**
 * ROUND-10: a consent round (instemmen) per principle: consent, concern or objection, the last
 * two with an optional short note. Sent to the API; changeable until the reveal.
 */
export function ConsentBallot({ round, canAnswer }: { round: RoundState; canAnswer: boolean }) {
  const t = useT()
  const { doc, workspaceId } = useWorkspace()
  const items = useRoundItems(doc, round.items)
  const [answers, setAnswers] = useState<Answers>({})
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)

  useEffect(() => {
    if (!canAnswer) return
    let live = true
    fetchRound(workspaceId, round.id).then(
      (info) => live && info.ownAnswers && setAnswers(info.ownAnswers),
      (error: unknown) => live && setMessage({ text: roundErrorText(t, error), error: true }),
    )
    return () => {
      live = false
    }
  }, [workspaceId, round.id, canAnswer, t])

  async function send(): Promise<void> {
    if (Object.keys(answers).length === 0) {
      setMessage({ text: t.rounds.answerFirst, error: true })
      return
    }
    const clean: Answers = {}
    for (const [itemId, answer] of Object.entries(answers)) {
      const note = answer.choice === 'consent' ? '' : (answer.note ?? '').trim()
      clean[itemId] = note ? { choice: answer.choice, note } : { choice: answer.choice }
    }
    setBusy(true)
    try {
      await putConsent(workspaceId, round.id, clean)
      setMessage({ text: t.rounds.answersSent, error: false })
    } catch (error) {
      setMessage({ text: roundErrorText(t, error), error: true })
    } finally {
      setBusy(false)
    }
  }

  if (!canAnswer) return <p className="muted">{t.rounds.readOnly}</p>
  return (
    <form
      className="stack consent"
      data-testid="consent-ballot"
      onSubmit={(event) => {
        event.preventDefault()
        void send()
      }}
    >
      {items.map((item) => (
        <ConsentItem
          key={item.id}
          item={item}
          answer={answers[item.id]}
          onChange={(answer) => {
            setMessage(null)
            setAnswers((previous) => ({ ...previous, [item.id]: answer }))
          }}
        />
      ))}
      <div>
        <button
          type="submit"
          className="button button--primary"
          disabled={busy}
          data-testid="send-consent"
        >
          {t.rounds.sendAnswers}
        </button>
      </div>
      {message && (
        <p className={message.error ? 'form-error' : 'notice'} role="status">
          {message.text}
        </p>
      )}
    </form>
  )
}

function ConsentItem({
  item,
  answer,
  onChange,
}: {
  item: RoundItem
  answer: ConsentAnswer | undefined
  onChange: (answer: ConsentAnswer) => void
}) {
  const t = useT()
  const id = useId()
  const name = itemLabel(item, t)
  const withNote = answer && answer.choice !== 'consent'
  return (
    <fieldset className="card consent__item" data-testid="consent-item" data-name={name}>
      <legend className="consent__statement">{name}</legend>
      <div className="consent__choices">
        {CONSENT_CHOICES.map((choice: ConsentChoice) => (
          <label key={choice} className={`consent__choice consent__choice--${choice}`}>
            <input
              type="radio"
              name={`${id}-choice`}
              value={choice}
              checked={answer?.choice === choice}
              aria-describedby={`${id}-${choice}`}
              onChange={() => onChange({ choice, note: answer?.note ?? '' })}
            />
            <span className="consent__choice-text">
              <strong>{t.rounds.choices[choice]}</strong>
              <span className="muted" id={`${id}-${choice}`}>
                {t.rounds.choiceHelp[choice]}
              </span>
            </span>
          </label>
        ))}
      </div>
      {withNote && (
        <div className="field">
          <label htmlFor={`${id}-note`}>{t.rounds.noteLabel}</label>
          <textarea
            id={`${id}-note`}
            className="textarea"
            rows={2}
            maxLength={ROUND_LIMITS.consentNoteMax}
            value={answer.note ?? ''}
            onChange={(event) => onChange({ choice: answer.choice, note: event.target.value })}
          />
        </div>
      )}
    </fieldset>
  )
}
