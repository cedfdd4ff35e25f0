import {
  ADOPTION_STEPS,
  ADOPTION_STEP_LABELS,
  Root,
  isAdoptionStep,
  readAdoption,
  setAdoptionStatus,
} from '@koers/doc-model'
import type { AdoptionStep } from '@koers/doc-model'
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { useDocValue } from '../common/useDocValue.ts'
import { formatDate } from '../i18n/formatDate.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'

function today(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export function AdoptionTrail() {
  const { t, language } = useI18n()
  const { doc, role } = useWorkspace()
  const adoption = useDocValue(doc, [Root.adoption], readAdoption)
  const currentIndex = ADOPTION_STEPS.indexOf(adoption.status)
  const label = (s: AdoptionStep) => ADOPTION_STEP_LABELS[s][language]

  return (
    <section className="stack" aria-labelledby="adoption-title">
      <h2 id="adoption-title">{t.details.adoption}</h2>
      <p className="muted">{t.details.adoptionIntro}</p>
      <ol className="trail" data-testid="adoption-trail">
        {ADOPTION_STEPS.map((s, index) => {
          const record = adoption.steps[s]
          const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo'
          return (
            <li
              key={s}
              className={`trail__step trail__step--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="trail__marker" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <div>
                <strong>{label(s)}</strong>
                {state === 'current' && <span className="muted"> · {t.details.current}</span>}
                <div className="trail__meta">
                  {formatDate(record?.date ?? '', language) ||
                    (state === 'todo' ? t.details.notReached : '')}
                  {record?.note && <> · {record.note}</>}
                </div>
              </div>
            </li>
          )
        })}
      </ol>
      {role === 'facilitator' ? (
        <StatusForm key={adoption.status} current={adoption.status} />
      ) : (
        <p className="muted">{t.details.facilitatorOnly}</p>
      )}
    </section>
  )
}

/** Keyed by the current status, so after a change it proposes the next step again. */
function StatusForm({ current }: { current: AdoptionStep }) {
  const { t, language } = useI18n()
  const id = useId()
  const { doc } = useWorkspace()
  const currentIndex = ADOPTION_STEPS.indexOf(current)
  const nextStep =
    ADOPTION_STEPS[Math.min(currentIndex + 1, ADOPTION_STEPS.length - 1)] ?? 'concept'
  const [step, setStep] = useState<AdoptionStep>(nextStep)
  const [date, setDate] = useState(today)
  const [note, setNote] = useState('')
  const label = (s: AdoptionStep) => ADOPTION_STEP_LABELS[s][language]

  function submit(event: FormEvent): void {
    event.preventDefault()
    setAdoptionStatus(doc, step, { date, note: note.trim() })
  }

  return (
    <form className="card stack" onSubmit={submit}>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-step`}>{t.workspace.status}</label>
          <select
            id={`${id}-step`}
            className="select"
            value={step}
            onChange={(event) => {
              if (isAdoptionStep(event.target.value)) setStep(event.target.value)
            }}
          >
            {ADOPTION_STEPS.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t.details.stepDate}</label>
          <input
            id={`${id}-date`}
            className="input"
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t.details.stepNote}</label>
        <input
          id={`${id}-note`}
          className="input"
          value={note}
          maxLength={300}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <div>
        <button type="submit" className="button button--primary" data-testid="set-status">
          {t.details.setStatus(label(step))}
        </button>
      </div>
    </form>
  )
}
