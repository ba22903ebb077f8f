import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/SignOutButton';
import { getStaffSession } from '@/lib/auth/get-staff-session';
import { can } from '@/lib/auth/permissions';
import { CONSOLE_SECTIONS } from '@/lib/console/get-console';
import { getPathname, Link, redirect } from '@/lib/i18n/navigation';

export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const session = await getStaffSession();
  if (!session) return redirect({ href: '/login?expired=1', locale });
  const t = await getTranslations('staff');
  const sections = CONSOLE_SECTIONS.filter((section) => can(session, section.operation));
  return (
    <>
      <a href="#content" className="sr-only focus:not-sr-only">
        {t('shell.skipToContent')}
      </a>
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-6">
            <Link href="/admin" className="text-xl font-bold text-vigil">
              {t('shell.consoleLink')}
            </Link>
            <nav aria-label={t('shell.mainNavigation')}>
              <ul className="flex flex-wrap gap-4 text-sm">
                {sections.map((section) => (
                  <li key={section.key}>
                    <Link href={section.href} className="hover:underline">
                      {t(`console.sections.${section.key}`)}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <div className="flex items-center gap-4 text-sm text-stone-700">
            <span>
              {t('shell.signedInAs', { email: session.email })} · {t(`roles.${session.role}`)}
            </span>
            <SignOutButton loginHref={getPathname({ locale, href: '/login' })} />
          </div>
        </div>
      </header>
      <main id="content" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
