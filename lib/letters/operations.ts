/** The letters domain's staff operations, for the registry (lib/operations/registry.ts). */
import 'server-only';
import type { DefinedOperation } from '@/lib/operations/define-operation';
import { getBatchDocument } from './get-batch-document';

export const letterOperations: readonly DefinedOperation[] = [getBatchDocument];
