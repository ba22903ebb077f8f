'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

export function SignOutButton({ loginHref }: { loginHref: string }) {
  const t = useTranslations('staff.shell');
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className="text-sm underline disabled:opacity-60"
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false });
        window.location.assign(loginHref);
      }}
    >
      {t('signOut')}
    </button>
  );
}
