/** Shapes of the user-management forms, shared by the forms and the server actions. */
import { z } from 'zod';
import { STAFF_ROLES } from '@/lib/auth/roles';
import { emailSchema } from '@/lib/auth/schemas';
import { checkboxSchema, recordIdSchema, textSchema } from '@/lib/fields/schemas';

export { STAFF_ROLES };
export const staffRoleSchema = z.enum(STAFF_ROLES, { error: 'roleInvalid' });

export const inviteUserSchema = z.object({
  email: emailSchema,
  displayName: textSchema().trim().max(120, { error: 'nameTooLong' }).default(''),
  role: staffRoleSchema,
  internalAccess: checkboxSchema,
});

export const userIdSchema = z.object({ userId: recordIdSchema('userInvalid') });

export const changeUserRoleSchema = userIdSchema.extend({ role: staffRoleSchema });

export const setInternalAccessSchema = userIdSchema.extend({ internalAccess: checkboxSchema });
