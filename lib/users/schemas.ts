/** Shapes of the user-management forms, shared by the forms and the server actions. */
import { z } from 'zod';
import { emailSchema } from '@/lib/auth/schemas';

export const STAFF_ROLE_VALUES = ['admin', 'organizer', 'advocate'] as const;
export const staffRoleSchema = z.enum(STAFF_ROLE_VALUES, { error: 'roleInvalid' });

/** A checkbox: present ("on"/"true") means yes. */
export const checkboxSchema = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

export const inviteUserSchema = z.object({
  email: emailSchema,
  displayName: z.string().trim().max(120, { error: 'nameTooLong' }).default(''),
  role: staffRoleSchema,
  internalAccess: checkboxSchema,
});
export type InviteUserInput = z.input<typeof inviteUserSchema>;

export const userIdSchema = z.object({ userId: z.uuid({ error: 'userInvalid' }) });

export const changeUserRoleSchema = userIdSchema.extend({ role: staffRoleSchema });
export type ChangeUserRoleInput = z.input<typeof changeUserRoleSchema>;

export const setInternalAccessSchema = userIdSchema.extend({ internalAccess: checkboxSchema });
export type SetInternalAccessInput = z.input<typeof setInternalAccessSchema>;
