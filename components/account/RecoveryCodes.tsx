import { useTranslations } from 'next-intl';

export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations('staff.twoFactor');
  return (
    <section aria-labelledby="recovery-codes-title" className="rounded border border-amber-300 bg-amber-50 p-4">
      <h3 id="recovery-codes-title" className="font-semibold">
        {t('recoveryTitle')}
      </h3>
      <p className="mt-1 text-sm">{t('recoveryBody')}</p>
      <ul className="mt-3 grid grid-cols-2 gap-2 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </section>
  );
}
