import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { TotpEnrollment } from '@/components/account/TotpEnrollment';
import { AcceptInvitationForm } from '@/components/auth/AcceptInvitationForm';
import { qrCodeSvg } from '@/lib/format/qr-code';
import { getOpenInvitation } from '@/lib/users/get-invitation';
import { acceptInvitationAction } from './actions';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'staff.meta' }))('invitation'), referrer: 'no-referrer' };
}

export default async function InvitationPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [t, invitation] = await Promise.all([getTranslations('staff'), getOpenInvitation(token)]);
  return (
    <main id="content" className="mx-auto max-w-lg px-4 py-12">
      {invitation ? (
        <>
          <h1 className="text-2xl font-bold">{t('invite.title')}</h1>
          <p className="mt-2 text-sm text-stone-700">{t('invite.intro', { role: invitation.role, email: invitation.email })}</p>
          <div className="mt-6 rounded border border-stone-200 bg-white p-6 shadow-sm">
            <AcceptInvitationForm
              action={acceptInvitationAction}
              token={token}
              enrollment={invitation.enrollment}
              twoFactorRequired={invitation.twoFactorRequired}
            >
              <TotpEnrollment qrSvg={await qrCodeSvg(invitation.totpUri)} secret={invitation.totpSecret} />
            </AcceptInvitationForm>
          </div>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-bold">{t('invite.invalidTitle')}</h1>
          <p className="mt-2 text-stone-700">{t('invite.invalidBody')}</p>
        </>
      )}
    </main>
  );
}
