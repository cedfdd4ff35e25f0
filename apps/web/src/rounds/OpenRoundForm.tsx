import { ROUND_LIMITS, type CreateRoundRequest } from '@koers/protocol'
import {
  listBoardCards,
  listClusters,
  listPrinciples,
  Root,
  ROUND_KIND_VALUES,
  type RoundKindValue,
  type RoundState,
} from '@koers/doc-model'
import { useId, useState } from 'react'
import { useAnnounce } from '../common/Announcer.tsx'
import { useDocValue } from '../common/useDocValue.ts'
import { useT } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'
import { createRound } from './roundsApi.ts'
import { roundErrorText } from './roundError.ts'

interface Candidate {
  id: string
  name: string
}

/** What a vote can be about: the groups and loose cards of the latest revealed brainstorm. */
function boardCandidates(rounds: RoundState[]) {
  const brainstorm = [...rounds]
    .reverse()
    .find((round) => round.kind === 'brainstorm' && round.status === 'revealed')
  return (doc: Parameters<typeof listClusters>[0]): Candidate[] => {
    if (!brainstorm) return []
    const cards = listBoardCards(doc, brainstorm.id)
    const clusters = listClusters(doc, brainstorm.id)
    return [
      ...clusters
        .filter((cluster) => cards.some((card) => card.cluster === cluster.id))
        .map((cluster) => ({ id: cluster.id, name: cluster.name })),
      ...cards
        .filter((card) => card.cluster === '')
        .map((card) => ({ id: card.id, name: card.text })),
    ]
  }
}

/** Console: the form that opens a brainstorm, a dot vote or a consent round. */
export function OpenRoundForm({
  initialKind,
  phaseId,
  rounds,
}: {
  initialKind: RoundKindValue
  phaseId: string
  rounds: RoundState[]
}) {
  const t = useT()
  const id = useId()
  const announce = useAnnounce()
  const { doc, workspaceId } = useWorkspace()
  const [kind, setKind] = useState<RoundKindValue>(initialKind)
  const [question, setQuestion] = useState('')
  const [dots, setDots] = useState(3)
  const [maxPerItem, setMaxPerItem] = useState(2)
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set())
  const [rerunOf, setRerunOf] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const boardItems = useDocValue(doc, [Root.board], boardCandidates(rounds))
  const principles = useDocValue(doc, [Root.principles], (d) =>
    listPrinciples(d).map((p) => ({ id: p.id, name: p.statement })),
  )
  const candidates = kind === 'vote' ? [...boardItems, ...principles] : principles
  const chosen = candidates.filter((c) => !excluded.has(c.id)).map((c) => c.id)
  const earlierConsent = rounds.filter((r) => r.kind === 'consent' && r.status === 'revealed')

  function request(): CreateRoundRequest {
    const common = { question: question.trim(), ...(phaseId ? { phaseId } : {}) }
    if (kind === 'brainstorm') return { kind, ...common }
    if (kind === 'vote') {
      return {
        kind,
        ...common,
        items: chosen,
        dotsPerPerson: dots,
        maxPerItem: Math.min(maxPerItem, dots),
      }
    }
    return { kind, ...common, items: chosen, ...(rerunOf ? { rerunOf } : {}) }
  }

  async function submit(): Promise<void> {
    if (kind === 'brainstorm' && !question.trim()) return setError(t.homePage.required)
    if (kind !== 'brainstorm' && chosen.length === 0) {
      return setError(kind === 'vote' ? t.rounds.noVoteItems : t.rounds.noPrinciples)
    }
    setBusy(true)
    setError('')
    try {
      await createRound(workspaceId, request())
      announce(t.rounds.opened)
    } catch (failure) {
      setError(roundErrorText(t, failure))
    } finally {
      setBusy(false)
    }
  }

  const toggle = (itemId: string, on: boolean) =>
    setExcluded((previous) => {
      const next = new Set(previous)
      if (on) next.delete(itemId)
      else next.add(itemId)
      return next
    })

  return (
    <form
      className="stack open-round"
      data-testid="open-round"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <fieldset className="open-round__kinds">
        <legend className="visually-hidden">{t.rounds.consoleTitle}</legend>
        {ROUND_KIND_VALUES.map((value) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name={`${id}-kind`}
              checked={kind === value}
              onChange={() => setKind(value)}
            />
            {t.rounds.kinds[value]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-question`}>{t.rounds.questionLabel}</label>
        <input
          id={`${id}-question`}
          className="input"
          value={question}
          maxLength={ROUND_LIMITS.questionMax}
          placeholder={
            kind === 'brainstorm' ? t.rounds.questionPlaceholder : t.rounds.voteQuestionPlaceholder
          }
          data-testid="round-question-input"
          onChange={(event) => setQuestion(event.target.value)}
        />
      </div>
      {kind !== 'brainstorm' && (
        <fieldset className="open-round__items">
          <legend>{kind === 'vote' ? t.rounds.itemsLabel : t.rounds.principlesLabel}</legend>
          {candidates.length === 0 ? (
            <p className="muted">
              {kind === 'vote' ? t.rounds.noVoteItems : t.rounds.noPrinciples}
            </p>
          ) : (
            candidates.map((candidate) => (
              <label key={candidate.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={!excluded.has(candidate.id)}
                  onChange={(event) => toggle(candidate.id, event.target.checked)}
                />
                {candidate.name.trim() || t.rounds.unknownItem}
              </label>
            ))
          )}
        </fieldset>
      )}
      {kind === 'vote' && (
        <div className="button-row">
          <label className="inline-field">
            <span className="inline-field__label">{t.rounds.dotsPerPerson}</span>
            <input
              className="input input--small"
              type="number"
              inputMode="numeric"
              min={1}
              max={ROUND_LIMITS.dotsPerPersonMax}
              value={dots}
              onChange={(event) =>
                setDots(Math.max(1, Math.floor(Number(event.target.value)) || 1))
              }
            />
          </label>
          <label className="inline-field">
            <span className="inline-field__label">{t.rounds.maxPerItem}</span>
            <input
              className="input input--small"
              type="number"
              inputMode="numeric"
              min={1}
              max={dots}
              value={maxPerItem}
              onChange={(event) =>
                setMaxPerItem(Math.max(1, Math.floor(Number(event.target.value)) || 1))
              }
            />
          </label>
        </div>
      )}
      {kind === 'consent' && earlierConsent.length > 0 && (
        <label className="inline-field">
          <span className="inline-field__label">{t.rounds.rerunOf}</span>
          <select
            className="select"
            value={rerunOf}
            onChange={(event) => setRerunOf(event.target.value)}
          >
            <option value="">–</option>
            {earlierConsent.map((round) => (
              <option key={round.id} value={round.id}>
                {round.question || t.rounds.kinds.consent}
              </option>
            ))}
          </select>
        </label>
      )}
      <div>
        <button
          type="submit"
          className="button button--primary"
          disabled={busy}
          data-testid="open-round-submit"
        >
          {kind === 'brainstorm'
            ? t.rounds.openBrainstorm
            : kind === 'vote'
              ? t.rounds.openVote
              : t.rounds.openConsent}
        </button>
      </div>
      <p className="form-error" role="alert">
        {error}
      </p>
    </form>
  )
}
