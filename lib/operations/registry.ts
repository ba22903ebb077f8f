/**
 * Every staff operation, declared with defineOperation. The authorization matrix and the publication
 * property test enumerate this list; its test fails when an operation of the permission table is
 * missing here, or two declarations share a name.
 */
import 'server-only';
import { caseOperations } from '@/lib/cases/operations';
import { letterOperations } from '@/lib/letters/operations';
import { petitionOperations } from '@/lib/petitions/operations';
import { targetOperations } from '@/lib/targets/operations';
import type { DefinedOperation } from './define-operation';

export const OPERATION_REGISTRY: readonly DefinedOperation[] = [...caseOperations, ...petitionOperations, ...letterOperations, ...targetOperations];

/** The operations that can change what the public sees: the publication gate's concern. */
export function operationsChangingPublicView(): readonly DefinedOperation[] {
  return OPERATION_REGISTRY.filter((operation) => operation.changesPublicView);
}
