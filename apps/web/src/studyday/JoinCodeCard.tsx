import type { JoinCode } from '@koers/protocol'
import { useI18n } from '../i18n/i18n.tsx'
import { QrCode } from './QrCode.tsx'

/** The code in large letters, the short link and its QR code (console and projector). */
export function JoinCodeCard({
  code,
  variant,
}: {
  code: JoinCode
  variant: 'console' | 'projector'
}) {
  const { t, language } = useI18n()
  const until = new Date(code.expiresAt).toLocaleTimeString(language === 'nl' ? 'nl-NL' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  })
  const shortLink = code.url.replace(/^https?:\/\//, '')
  return (
    <div className={`join-card join-card--${variant}`} data-testid="join-card">
      <div className="join-card__text">
        <p className="join-card__how">{t.studyDay.joinHow}</p>
        <p
          className="join-card__code"
          data-testid="join-code"
          aria-label={t.studyDay.codeSpelled(code.code)}
        >
          {code.code}
        </p>
        <p className="join-card__link">{shortLink}</p>
        {variant === 'console' && <p className="muted">{t.studyDay.codeValidUntil(until)}</p>}
      </div>
      <QrCode className="join-card__qr" text={code.url} label={t.studyDay.qrLabel(shortLink)} />
    </div>
  )
}
