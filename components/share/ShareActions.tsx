'use client';

import { useState, useSyncExternalStore } from 'react';

// Nothing to subscribe to: the store only tells the server render (false) from the browser (true).
const noSubscription = () => () => {};

export interface ShareActionLabels {
  nativeShare: string;
  copyLink: string;
  copied: string;
  copyFailed: string;
}

/**
 * The buttons that need the browser: the system share sheet (Web Share API, on phones above all:
 * KakaoTalk, WeChat and LINE are in it) and copying the link. Without JavaScript they are not shown,
 * and the link field and plain links beside them still work.
 */
export function ShareActions({ url, title, text, labels }: { url: string; title: string; text: string; labels: ShareActionLabels }) {
  const live = useSyncExternalStore(noSubscription, () => true, () => false);
  const canShare = useSyncExternalStore(noSubscription, () => typeof navigator.share === 'function', () => false);
  const [note, setNote] = useState<string | null>(null);
  if (!live) return null;

  const share = async () => {
    try {
      await navigator.share({ title, text, url });
    } catch {
      // Dismissed by the reader, or refused: nothing to say.
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setNote(labels.copied);
    } catch {
      setNote(labels.copyFailed);
    }
  };
  const button = 'rounded border border-vigil px-3 py-2 text-sm font-semibold text-vigil hover:bg-orange-50';
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canShare ? (
        <button type="button" onClick={share} className="rounded bg-vigil px-3 py-2 text-sm font-semibold text-white">
          {labels.nativeShare}
        </button>
      ) : null}
      <button type="button" onClick={copy} className={button}>
        {labels.copyLink}
      </button>
      <span role="status" className="text-sm text-stone-700">
        {note}
      </span>
    </div>
  );
}
