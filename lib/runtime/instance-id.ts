/**
 * This process's name in shared records (job leases, mail claims): host, pid and a random part, so a
 * restarted process that gets the same pid (common in containers) is still someone else.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { processShared } from './process-shared';

export function instanceId(): string {
  return processShared('instanceId', () => `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`);
}
