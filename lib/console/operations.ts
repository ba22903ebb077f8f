/** The staff console's operations, for the registry (lib/operations/registry.ts). */
import 'server-only';
import type { DefinedOperation } from '@/lib/operations/define-operation';
import { getConsole } from './get-console';

export const consoleOperations: readonly DefinedOperation[] = [getConsole];
