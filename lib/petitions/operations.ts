/** The petition domain's staff operations, for the registry (lib/operations/registry.ts). */
import 'server-only';
import type { DefinedOperation } from '@/lib/operations/define-operation';
import { closePetition } from './close-petition';
import { releaseHeldSignatures } from './release-held-signatures';

export const petitionOperations: readonly DefinedOperation[] = [closePetition, releaseHeldSignatures];
