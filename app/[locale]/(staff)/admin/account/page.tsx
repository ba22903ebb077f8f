import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/account/ChangePasswordForm';
import { EnableTwoFactorForm } from '@/components/account/EnableTwoFactorForm';
import { RegenerateRecoveryCodesForm } from '@/components/account/RegenerateRecoveryCodesForm';
import { SignOutEverywhereForm } from '@/components/account/SignOutEverywhereForm';
import { TotpEnrollment } from '@/components/account/TotpEnrollment';
import { Forbidden } from '@/components/staff/Forbidden';
import { Notice } from '@/components/ui/Notice';
import { getAccount } from '@/lib/account/get-account';
import { qrCodeSvg } from '@/lib/format/qr-code';
import { toPage } from '@/lib/operations/adapters';
import { changePasswordAction, enableTwoFactorAction, regenerateRecoveryCodesAction, signOutEverywhereAction } from './actions';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'staff.meta' }))('account') };
}

export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const page = await toPage(locale, getAccount, {});
  if (page.forbidden) return <Forbidden />;
  const account = page.data;
  const [t, format] = await Promise.all([getTranslations('staff'), getFormatter()]);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  const qrSvg = account.enrollment ? await qrCodeSvg(account.enrollment.uri) : null;
  const card = 'rounded border border-stone-200 bg-white p-6 shadow-sm';

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t('account.title')}</h1>
      {account.twoFactorRequired && !account.twoFactorEnabled ? <Notice tone="warning">{t('account.twoFactorRequiredNotice')}</Notice> : null}

      <section className={card} aria-labelledby="profile">
        <h2 id="profile" className="text-lg font-semibold">
          {t('account.profile')}
        </h2>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="text-stone-600">{t('users.email')}</dt>
          <dd>{account.email}</dd>
          <dt className="text-stone-600">{t('account.role')}</dt>
          <dd>{t(`roles.${account.role}`)}</dd>
          <dt className="text-stone-600">{t('account.internalAccess')}</dt>
          <dd>{account.internalAccess ? t('account.yes') : t('account.no')}</dd>
        </dl>
      </section>

      <section className={card} aria-labelledby="two-factor">
        <h2 id="two-factor" className="text-lg font-semibold">
          {t('account.twoFactorTitle')}
        </h2>
        <p className="mt-1 text-sm">
          {account.twoFactorEnabled ? t('account.twoFactorOn', { count: account.unusedRecoveryCodes }) : t('account.twoFactorOff')}
        </p>
        <div className="mt-4">
          {account.enrollment && qrSvg ? (
            <EnableTwoFactorForm action={enableTwoFactorAction} enrollment={account.enrollment.sealed}>
              <TotpEnrollment qrSvg={qrSvg} secret={account.enrollment.secret} />
            </EnableTwoFactorForm>
          ) : (
            <>
              <h3 className="font-semibold">{t('account.regenerateTitle')}</h3>
              <RegenerateRecoveryCodesForm action={regenerateRecoveryCodesAction} />
            </>
          )}
        </div>
      </section>

      {account.twoFactorRequired && !account.twoFactorEnabled ? null : (
        <section className={card} aria-labelledby="password">
          <h2 id="password" className="text-lg font-semibold">
            {t('account.passwordTitle')}
          </h2>
          <div className="mt-4">
            <ChangePasswordForm action={changePasswordAction} />
          </div>
        </section>
      )}

      <section className={card} aria-labelledby="sessions">
        <h2 id="sessions" className="text-lg font-semibold">
          {t('account.sessionsTitle')}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t('account.sessionsHelp')}</p>
        <ul className="mt-3 divide-y divide-stone-200 text-sm">
          {account.sessions.map((session) => (
            <li key={session.id} className="py-2">
              <span className="font-medium">{session.current ? t('account.thisSession') : session.userAgent.slice(0, 80)}</span>{' '}
              <span className="text-stone-600">
                · {session.ip} · {t('account.signedInAt', { date: when(session.signedInAt) })}, {t('account.lastSeenAt', { date: when(session.lastSeenAt) })}
              </span>
            </li>
          ))}
        </ul>
        <div className="mt-4">
          <SignOutEverywhereForm action={signOutEverywhereAction} />
        </div>
      </section>
    </div>
  );
}
