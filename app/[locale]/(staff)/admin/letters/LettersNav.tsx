import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

/** The letters area's three pages. */
export async function LettersNav({ current }: { current: 'desk' | 'targets' | 'templates' }) {
  const t = await getTranslations('letters.nav');
  const pages = [
    { key: 'desk', href: '/admin/letters' },
    { key: 'templates', href: '/admin/letters/templates' },
    { key: 'targets', href: '/admin/letters/targets' },
  ] as const;
  return (
    <nav aria-label={t('desk')} className="flex gap-4 border-b border-stone-200 pb-2 text-sm">
      {pages.map((page) => (
        <Link key={page.key} href={page.href} aria-current={page.key === current ? 'page' : undefined} className={page.key === current ? 'font-semibold text-vigil' : 'hover:underline'}>
          {t(page.key)}
        </Link>
      ))}
    </nav>
  );
}
