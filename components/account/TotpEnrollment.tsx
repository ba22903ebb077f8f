import { useTranslations } from 'next-intl';

/** The QR code (inline SVG drawn on the server) and the same key as text, for typing into the app. */
export function TotpEnrollment({ qrSvg, secret }: { qrSvg: string; secret: string }) {
  const t = useTranslations('staff.twoFactor');
  const grouped = secret.match(/.{1,4}/g)?.join(' ') ?? secret;
  return (
    <div className="space-y-3">
      <p className="text-sm">{t('scan')}</p>
      <div role="img" aria-label={t('qrLabel')} className="w-[200px] bg-white" dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p className="text-sm">
        {t('secret')}:{' '}
        <code className="select-all break-all rounded bg-stone-100 px-1 font-mono" data-testid="totp-secret">
          {grouped}
        </code>
      </p>
    </div>
  );
}
