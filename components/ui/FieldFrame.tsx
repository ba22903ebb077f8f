import type { ReactNode } from 'react';

/** The accessible attributes a control gets from its frame. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  className: string;
}

/**
 * The label, help text and error around one form control, wired for screen readers. Field,
 * TextAreaField and SelectField are this frame around an input, a textarea and a select.
 */
export function FieldFrame({
  id,
  label,
  help,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  help?: ReactNode;
  error?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        className:
          'block w-full rounded border border-stone-300 bg-white px-3 py-2 text-sm focus:border-vigil focus:outline-none focus:ring-1 focus:ring-vigil aria-[invalid]:border-red-600',
      })}
      {help ? (
        <p id={`${id}-help`} className="text-xs text-stone-600">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
