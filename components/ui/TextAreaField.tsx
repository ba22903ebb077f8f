import type { ComponentProps, ReactNode } from 'react';
import { FieldFrame } from './FieldFrame';

/** A labelled multi-line text box with its help and error. */
export function TextAreaField({
  label,
  help,
  error,
  id,
  ...textarea
}: { label: ReactNode; help?: ReactNode; error?: string; id: string } & ComponentProps<'textarea'>) {
  return (
    <FieldFrame id={id} label={label} help={help} error={error}>
      {(control) => <textarea rows={3} {...control} {...textarea} />}
    </FieldFrame>
  );
}
