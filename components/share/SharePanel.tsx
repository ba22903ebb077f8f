import { useTranslations } from 'next-intl';
import type { PageShare } from '@/lib/share/share-metadata';
import { ShareActions } from './ShareActions';

/**
 * Share a page without any third-party script: the phone's share sheet and a copy button (ShareActions),
 * the link itself to select, plain links to e-mail, X and LINE, and a QR code for WeChat.
 */
export function SharePanel({ share, idPrefix = 'share' }: { share: PageShare; idPrefix?: string }) {
  const t = useTranslations('share');
  const { links } = share;
  const external = { target: '_blank', rel: 'noopener noreferrer' } as const;
  const linkClass = 'inline-block rounded border border-stone-300 bg-white px-3 py-2 text-sm font-medium text-stone-900 underline-offset-2 hover:underline';
  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="space-y-3 rounded-lg border border-stone-200 bg-white p-5 shadow-sm" data-testid="share-panel">
      <div>
        <h2 id={`${idPrefix}-heading`} className="text-lg font-semibold">
          {t('heading')}
        </h2>
        <p className="text-sm text-stone-700">{t('intro')}</p>
      </div>
      <ShareActions
        url={share.url}
        title={share.title}
        text={share.text}
        labels={{ nativeShare: t('nativeShare'), copyLink: t('copyLink'), copied: t('copied'), copyFailed: t('copyFailed') }}
      />
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-url`} className="block text-sm font-medium">
          {t('linkLabel')}
        </label>
        <input id={`${idPrefix}-url`} readOnly value={share.url} className="block w-full rounded border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-sm" />
      </div>
      <ul className="flex flex-wrap gap-2" aria-label={t('heading')}>
        <li>
          <a href={links.email} className={linkClass}>
            {t('email')}
          </a>
        </li>
        <li>
          <a href={links.x} className={linkClass} {...external}>
            {t('x')} <span className="sr-only">{t('newWindow')}</span>
          </a>
        </li>
        <li>
          <a href={links.line} className={linkClass} {...external}>
            {t('line')} <span className="sr-only">{t('newWindow')}</span>
          </a>
        </li>
      </ul>
      <p className="text-sm text-stone-700">{t('kakaoHelp')}</p>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">{t('wechat')}</summary>
        <div className="mt-2 flex flex-wrap items-start gap-3">
          <div role="img" aria-label={t('qrLabel', { url: share.url })} className="w-[200px] bg-white" data-testid="share-qr" dangerouslySetInnerHTML={{ __html: share.qrSvg }} />
          <p className="max-w-xs text-stone-700">{t('wechatHelp')}</p>
        </div>
      </details>
    </section>
  );
}
