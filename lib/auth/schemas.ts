/**
 * Shapes of the sign-in and account forms, shared by the forms (react-hook-form) and the server
 * actions. Error messages are keys of the "staff.errors" catalog, translated where they are shown.
 */
import { z } from 'zod';

const PASSWORD_MIN_LENGTH = 12;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { error: 'emailInvalid' })
  .pipe(z.email({ error: 'emailInvalid' }));

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: 'passwordTooShort' })
  .max(200, { error: 'passwordTooLong' });

/** A six-digit authenticator code or a recovery code such as ABCDE-FGHIJ. */
const secondFactorCodeSchema = z.string().trim().max(32, { error: 'codeInvalid' });
const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { error: 'totpCodeInvalid' });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: 'passwordRequired' }).max(200, { error: 'passwordTooLong' }),
  code: secondFactorCodeSchema.optional().default(''),
});
export type SignInInput = z.input<typeof signInSchema>;

const confirmed = <T extends { password: string; passwordConfirmation: string }>(value: T) =>
  value.password === value.passwordConfirmation;

export const acceptInvitationSchema = z
  .object({
    token: z.string().min(1).max(200),
    password: newPasswordSchema,
    passwordConfirmation: z.string(),
    enrollment: z.string().max(1000),
    totpCode: z
      .string()
      .trim()
      .regex(/^(\d{6})?$/, { error: 'totpCodeInvalid' }),
  })
  .refine(confirmed, { error: 'passwordsDiffer', path: ['passwordConfirmation'] });
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: 'passwordRequired' }).max(200),
    password: newPasswordSchema,
    passwordConfirmation: z.string(),
  })
  .refine(confirmed, { error: 'passwordsDiffer', path: ['passwordConfirmation'] })
  .refine((value) => value.password !== value.currentPassword, { error: 'passwordUnchanged', path: ['password'] });

export const enableTwoFactorSchema = z.object({
  enrollment: z.string().min(1).max(1000),
  totpCode: totpCodeSchema,
});

export const regenerateRecoveryCodesSchema = z.object({ totpCode: totpCodeSchema });
