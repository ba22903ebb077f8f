import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Forbidden } from '@/components/staff/Forbidden';
import { ReviewReminders } from './cases/_components/ReviewReminders';
import { Notice } from '@/components/ui/Notice';
import { toPage } from '@/lib/operations/adapters';
import { getConsole } from '@/lib/console/get-console';
import { Link } from '@/lib/i18n/navigation';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'staff.meta' }))('console') };
}

export default async function ConsolePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const page = await toPage(locale, getConsole, {});
  if (page.forbidden) return <Forbidden />;
  const overview = page.data;
  const t = await getTranslations('staff');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('console.title', { role: overview.role })}</h1>
      <p className="mt-2 text-stone-700">{t('console.welcome', { name: overview.displayName || overview.email })}</p>
      <p className="mt-1 max-w-prose text-sm text-stone-600">{t(`console.roleHelp.${overview.role}`)}</p>
      {overview.internalAccess ? (
        <div className="mt-4">
          <Notice>{t('console.internalAccess')}</Notice>
        </div>
      ) : null}
      <ReviewReminders />
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        {overview.sections.map((section) => (
          <li key={section.key} className="rounded border border-stone-200 bg-white p-4 shadow-sm">
            <Link href={section.href} className="font-semibold text-vigil underline">
              {t(`console.sections.${section.key}`)}
            </Link>
            <p className="mt-1 text-sm text-stone-600">{t(`console.sectionHelp.${section.key}`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
