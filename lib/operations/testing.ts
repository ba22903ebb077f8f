/** For tests: the value of an operation's result, or a failure that names its field errors. */
import type { OperationResult } from './result';

export async function valueOf<T>(result: Promise<OperationResult<T>> | OperationResult<T>): Promise<T> {
  const outcome = await result;
  if (!outcome.ok) throw new Error(`operation failed: ${JSON.stringify(outcome.fieldErrors)}`);
  return outcome.value;
}
