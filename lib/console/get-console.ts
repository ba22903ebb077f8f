/** The staff console's landing view: who is signed in and the sections their role opens. */
import 'server-only';
import { z } from 'zod';
import { can, type Operation } from '@/lib/auth/permissions';
import type { StaffSession } from '@/lib/auth/staff-session';
import { defineOperation } from '@/lib/operations/define-operation';
import { succeeded } from '@/lib/operations/result';

export const CONSOLE_SECTIONS = [
  { key: 'cases', href: '/admin/cases', operation: 'cases.list' },
  { key: 'publications', href: '/admin/publications', operation: 'publications.list' },
  { key: 'petitions', href: '/admin/petitions', operation: 'petitions.list' },
  { key: 'letters', href: '/admin/letters', operation: 'letters.list' },
  { key: 'account', href: '/admin/account', operation: 'account.read' },
  { key: 'users', href: '/admin/users', operation: 'users.list' },
  { key: 'audit', href: '/admin/audit', operation: 'audit.read' },
  { key: 'settings', href: '/admin/settings', operation: 'settings.read' },
  { key: 'caseRules', href: '/admin/cases/rules', operation: 'settings.readCaseRules' },
] as const satisfies readonly { key: string; href: string; operation: Operation }[];

export type ConsoleSection = (typeof CONSOLE_SECTIONS)[number];

export interface ConsoleOverview {
  role: StaffSession['role'];
  email: string;
  displayName: string;
  internalAccess: boolean;
  sections: ConsoleSection[];
}

export const getConsole = defineOperation({
  name: 'console.view',
  input: z.object({}),
  writes: false,
  changesPublicView: false,
  run: async ({ session: me }) =>
    succeeded<ConsoleOverview>({
      role: me.role,
      email: me.email,
      displayName: me.displayName,
      internalAccess: me.internalAccess,
      sections: CONSOLE_SECTIONS.filter((section) => can(me, section.operation)),
    }),
});
