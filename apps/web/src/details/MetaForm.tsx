import {
  Root,
  SECTORS,
  SECTOR_LABELS,
  isSector,
  metaText,
  readMeta,
  updateMeta,
} from '@koers/doc-model'
import { useId } from 'react'
import { useDocValue } from '../common/useDocValue.ts'
import { useTextField } from '../common/useTextField.ts'
import { formatDate } from '../i18n/formatDate.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useWorkspace } from '../workspace/WorkspaceContext.tsx'

export function MetaForm() {
  const { t, language } = useI18n()
  const id = useId()
  const { doc, readOnly } = useWorkspace()
  const meta = useDocValue(doc, [Root.meta], readMeta)
  const title = useTextField<HTMLInputElement>([Root.meta], (d) => metaText(d, 'title'))
  const school = useTextField<HTMLInputElement>([Root.meta], (d) => metaText(d, 'school'))
  const period = useTextField<HTMLInputElement>([Root.meta], (d) => metaText(d, 'period'))

  if (readOnly) {
    const rows: [string, string][] = [
      [t.details.titleLabel, meta.title],
      [t.details.schoolLabel, meta.school],
      [t.details.sector, meta.sector ? SECTOR_LABELS[meta.sector][language] : ''],
      [t.details.period, meta.period],
      [t.details.reviewDate, formatDate(meta.reviewDate, language)],
    ]
    return (
      <dl className="details-list">
        {rows.map(([label, value]) => (
          <div key={label} className="details-list__row">
            <dt>{label}</dt>
            <dd>{value || '–'}</dd>
          </div>
        ))}
      </dl>
    )
  }

  return (
    <div className="form-grid">
      <div className="field">
        <label htmlFor={`${id}-title`}>{t.details.titleLabel}</label>
        <input id={`${id}-title`} className="input" maxLength={200} {...title} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-school`}>{t.details.schoolLabel}</label>
        <input id={`${id}-school`} className="input" maxLength={200} {...school} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-sector`}>{t.details.sector}</label>
        <select
          id={`${id}-sector`}
          className="select"
          value={meta.sector}
          onChange={(event) => {
            const value = event.target.value
            updateMeta(doc, { sector: isSector(value) ? value : '' })
          }}
        >
          <option value="">{t.details.sectorNone}</option>
          {SECTORS.map((sector) => (
            <option key={sector} value={sector}>
              {SECTOR_LABELS[sector][language]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-period`}>{t.details.period}</label>
        <input
          id={`${id}-period`}
          className="input"
          maxLength={60}
          placeholder={t.details.periodPlaceholder}
          {...period}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-review`}>{t.details.reviewDate}</label>
        <input
          id={`${id}-review`}
          className="input"
          type="date"
          value={meta.reviewDate}
          onChange={(event) => updateMeta(doc, { reviewDate: event.target.value })}
        />
      </div>
    </div>
  )
}
