/** Staff roles, as the database knows them. */
import { staffRole } from '@/db/schema/enums';

export const STAFF_ROLES = staffRole.enumValues;
export type StaffRole = (typeof staffRole.enumValues)[number];
