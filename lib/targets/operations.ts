/** The target directory's staff operations, for the registry (lib/operations/registry.ts). */
import 'server-only';
import type { DefinedOperation } from '@/lib/operations/define-operation';
import { exportTargets } from './export-targets';

export const targetOperations: readonly DefinedOperation[] = [exportTargets];
