import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';

// Staff pages read the session on every request: never cached, never indexed.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function StaffLayout({ children }: { children: ReactNode }) {
  // Staff consoles' forms use the whole catalog; public pages get only their part (lib/i18n/client-messages.ts).
  return (
    <NextIntlClientProvider>
      <div className="min-h-screen bg-stone-100">{children}</div>
    </NextIntlClientProvider>
  );
}
