import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SiteSettingsForm } from '@/components/settings/SiteSettingsForm';
import { Forbidden } from '@/components/staff/Forbidden';
import { toPage } from '@/lib/operations/adapters';
import { getSiteSettings } from '@/lib/settings/get-site-settings';
import { updateSiteSettingsAction } from './actions';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'staff.meta' }))('settings') };
}

export default async function SettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const page = await toPage(locale, getSiteSettings, {});
  if (page.forbidden) return <Forbidden />;
  const t = await getTranslations('staff.settings');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <div className="rounded border border-stone-200 bg-white p-6 shadow-sm">
        <SiteSettingsForm action={updateSiteSettingsAction} settings={page.data} />
      </div>
    </div>
  );
}
