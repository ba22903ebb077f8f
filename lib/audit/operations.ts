/** The audit log's staff operations, for the registry (lib/operations/registry.ts). */
import 'server-only';
import type { DefinedOperation } from '@/lib/operations/define-operation';
import { listAuditEntries } from './list-audit-entries';

export const auditOperations: readonly DefinedOperation[] = [listAuditEntries];
