import { useTranslations } from 'next-intl';

/**
 * On a phone the sign form sits below the text: a button fixed at the bottom of the screen takes the
 * reader to it (a plain link to the form's anchor, no script). Hidden from medium screens up, where the
 * form is beside the text.
 */
export function StickySignButton({ target = 'sign' }: { target?: string }) {
  const t = useTranslations('petition');
  return (
    <a
      href={`#${target}`}
      data-testid="sticky-sign"
      className="fixed inset-x-4 bottom-4 z-10 rounded-full bg-vigil py-3 text-center font-semibold text-white shadow-lg md:hidden"
    >
      {t('signNow')}
    </a>
  );
}
