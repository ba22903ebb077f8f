import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';

export function Forbidden() {
  const t = useTranslations('staff.forbidden');
  return (
    <section>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-stone-700">{t('body')}</p>
      <Link href="/admin" className="mt-4 inline-block text-vigil underline">
        {t('back')}
      </Link>
    </section>
  );
}
