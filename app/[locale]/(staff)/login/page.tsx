import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SignInForm } from '@/components/auth/SignInForm';
import { getStaffSession } from '@/lib/auth/get-staff-session';
import { getPathname, redirect } from '@/lib/i18n/navigation';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'staff.meta' });
  return { title: t('login') };
}

/** Only same-site paths inside the staff area may be a destination after sign-in. */
function safeNext(value: string | string[] | undefined, locale: string): string {
  const fallback = getPathname({ locale, href: '/admin' });
  if (typeof value !== 'string' || !/^\/(?:[a-z]{2}\/)?admin(?:\/[\w/-]*)?$/.test(value)) return fallback;
  return value;
}

export default async function LoginPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const next = safeNext(query.next, locale);
  if (await getStaffSession()) redirect({ href: '/admin', locale });
  const t = await getTranslations('staff');
  return (
    <main id="content" className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-bold">{t('login.title')}</h1>
      <p className="mt-2 text-sm text-stone-700">{t('login.intro')}</p>
      <div className="mt-6 rounded border border-stone-200 bg-white p-6 shadow-sm">
        <SignInForm next={next} notice={query.expired ? t('login.signedOut') : undefined} />
      </div>
    </main>
  );
}
