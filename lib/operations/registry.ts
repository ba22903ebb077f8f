/**
 * Every staff operation, declared with defineOperation. The authorization matrix enumerates this list;
 * it fails when an operation of the permission table is missing here, or two declarations share a name.
 */
import 'server-only';
import { accountOperations } from '@/lib/account/operations';
import { auditOperations } from '@/lib/audit/operations';
import { caseOperations } from '@/lib/cases/operations';
import { consoleOperations } from '@/lib/console/operations';
import { letterOperations } from '@/lib/letters/operations';
import { petitionOperations } from '@/lib/petitions/operations';
import { settingsOperations } from '@/lib/settings/operations';
import { targetOperations } from '@/lib/targets/operations';
import { userOperations } from '@/lib/users/operations';
import type { DefinedOperation } from './define-operation';

export const OPERATION_REGISTRY: readonly DefinedOperation[] = [
  ...consoleOperations,
  ...accountOperations,
  ...userOperations,
  ...settingsOperations,
  ...auditOperations,
  ...caseOperations,
  ...petitionOperations,
  ...letterOperations,
  ...targetOperations,
];
