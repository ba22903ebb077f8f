import type { ComponentProps, ReactNode } from 'react';
import { FieldFrame } from './FieldFrame';

/** A labelled input with its help text and the error that belongs to it. */
export function Field({
  label,
  help,
  error,
  id,
  ...input
}: { label: ReactNode; help?: ReactNode; error?: string; id: string } & ComponentProps<'input'>) {
  return (
    <FieldFrame id={id} label={label} help={help} error={error}>
      {(control) => <input {...control} {...input} />}
    </FieldFrame>
  );
}
