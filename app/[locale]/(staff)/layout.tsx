import type { Metadata } from 'next';
import type { ReactNode } from 'react';

// Staff pages read the session on every request: never cached, never indexed.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function StaffLayout({ children }: { children: ReactNode }) {
  return <div className="min-h-screen bg-stone-100">{children}</div>;
}
