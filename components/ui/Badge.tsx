import type { ReactNode } from 'react';

const tones = {
  neutral: 'bg-stone-100 text-stone-800 ring-stone-300',
  danger: 'bg-red-50 text-red-800 ring-red-300',
  warning: 'bg-amber-50 text-amber-900 ring-amber-300',
  success: 'bg-emerald-50 text-emerald-800 ring-emerald-300',
  info: 'bg-sky-50 text-sky-900 ring-sky-300',
} as const;

export type BadgeTone = keyof typeof tones;

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>
      {children}
    </span>
  );
}
