/**
 * The staff role enum, in a file of its own so that lib/auth/roles.ts (which browser components reach
 * through lib/users/schemas.ts) can derive its list from it without pulling in the tables.
 */
import { pgEnum } from 'drizzle-orm/pg-core';

export const staffRole = pgEnum('staff_role', ['admin', 'organizer', 'advocate']);
