import type { ButtonHTMLAttributes } from 'react';

const tones = {
  primary: 'bg-vigil text-white hover:bg-orange-900',
  secondary: 'bg-white text-ink ring-1 ring-inset ring-stone-300 hover:bg-stone-100',
  danger: 'bg-white text-red-800 ring-1 ring-inset ring-red-300 hover:bg-red-50',
} as const;

export function Button({ tone = 'primary', className = '', ...props }: { tone?: keyof typeof tones } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      className={`inline-flex items-center justify-center rounded px-3 py-2 text-sm font-medium disabled:opacity-60 ${tones[tone]} ${className}`}
      {...props}
    />
  );
}
