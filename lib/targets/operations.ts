/** The target directory's staff operations, for the registry (lib/operations/registry.ts). */
import 'server-only';
import type { DefinedOperation } from '@/lib/operations/define-operation';
import { createTarget } from './create-target';
import { exportTargets } from './export-targets';
import { importTargets } from './import-targets';
import { listTargets } from './list-targets';
import { updateTarget } from './update-target';

export const targetOperations: readonly DefinedOperation[] = [listTargets, createTarget, updateTarget, importTargets, exportTargets];
