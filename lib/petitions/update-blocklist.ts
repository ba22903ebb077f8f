/** Organizers add and remove blocklist entries: e-mail domains (with their subdomains) and address ranges. */
import 'server-only';
import { BlockList, isIP } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { type Database, getDb } from '@/db/client';
import { petitionBlocklist } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { addBlocklistEntrySchema, type AddBlocklistEntryInput, removeBlocklistEntrySchema, type RemoveBlocklistEntryInput } from './schemas';

/** A CIDR range ("203.0.113.0/24", "2001:db8::/32"; a bare address means just that one), or null. */
export function parseAddressRange(value: string): string | null {
  const [address, prefix] = value.split('/');
  const family = isIP(address ?? '');
  if (!family) return null;
  const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
  if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) return null;
  try {
    new BlockList().addSubnet(address!, bits, family === 4 ? 'ipv4' : 'ipv6');
  } catch {
    return null;
  }
  return `${address}/${bits}`;
}

export async function addBlocklistEntry(session: StaffSession | null, input: AddBlocklistEntryInput): Promise<OperationResult<{ entryId: string }>> {
  const actor = await authorize(session, 'blocklists.update');
  const data = addBlocklistEntrySchema.parse(input);
  const db = await getDb();
  let values: typeof petitionBlocklist.$inferInsert;
  if (data.kind === 'email_domain') {
    const domain = data.value.replace(/^@/, '').replace(/\.$/, '');
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) return fieldError('value', 'valueInvalid');
    values = { kind: 'email_domain', domain, note: data.note, createdByUserId: actor.userId };
  } else {
    const range = parseAddressRange(data.value);
    // Postgres has the last word on a range (203.0.113.7/24, with host bits set, is not one).
    const checked = range ? await asCidr(db, range) : null;
    if (!checked) return fieldError('value', 'valueInvalid');
    values = { kind: 'ip_range', ipRange: checked, note: data.note, createdByUserId: actor.userId };
  }
  return db.transaction(async (tx) => {
    const [entry] = await tx.insert(petitionBlocklist).values(values).onConflictDoNothing().returning({ id: petitionBlocklist.id });
    if (!entry) return fieldError('value', 'entryExists');
    await recordAudit(tx, actor, {
      action: 'blocklists.add',
      entityType: 'petition_blocklist',
      entityId: entry.id,
      after: { kind: values.kind, value: values.domain ?? values.ipRange, note: data.note },
    });
    return succeeded({ entryId: entry.id });
  });
}

async function asCidr(db: Database, range: string): Promise<string | null> {
  try {
    const result = (await db.execute(sql`select ${range}::cidr::text as range`)) as unknown as { rows: { range: string }[] };
    return result.rows[0]?.range ?? null;
  } catch {
    return null;
  }
}

export async function removeBlocklistEntry(session: StaffSession | null, input: RemoveBlocklistEntryInput): Promise<OperationResult<{ entryId: string }>> {
  const actor = await authorize(session, 'blocklists.update');
  const { entryId } = removeBlocklistEntrySchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [removed] = await tx.delete(petitionBlocklist).where(eq(petitionBlocklist.id, entryId)).returning();
    if (!removed) return fieldError('entryId', 'entryUnknown');
    await recordAudit(tx, actor, { action: 'blocklists.remove', entityType: 'petition_blocklist', entityId: entryId, before: removed });
    return succeeded({ entryId });
  });
}
