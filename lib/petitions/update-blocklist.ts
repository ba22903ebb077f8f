/**
 * Organizers add and remove blocklist entries: e-mail domains (with their subdomains), address ranges,
 * and address hashes (a busy address seen on the activity panel, blocked without anyone learning it).
 */
import 'server-only';
import { BlockList, isIP } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { petitionBlocklist } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { ADDRESS_HASH, addBlocklistEntrySchema, type AddBlocklistEntryInput, removeBlocklistEntrySchema } from './schemas';

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

type BlocklistValue = { kind: 'email_domain'; domain: string } | { kind: 'ip_range'; ipRange: string } | { kind: 'ip_hash'; ipHash: string };

/** The entry's value in its stored form, checked before the transaction opens. */
async function blocklistValue(db: Database, data: { kind: AddBlocklistEntryInput['kind']; value: string }): Promise<OperationResult<BlocklistValue>> {
  if (data.kind === 'email_domain') {
    const domain = data.value.replace(/^@/, '').replace(/\.$/, '');
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) return fieldError('value', 'valueInvalid');
    return succeeded({ kind: 'email_domain', domain });
  }
  if (data.kind === 'ip_hash') {
    if (!ADDRESS_HASH.test(data.value)) return fieldError('value', 'valueInvalid');
    return succeeded({ kind: 'ip_hash', ipHash: data.value });
  }
  const range = parseAddressRange(data.value);
  // Postgres has the last word on a range (203.0.113.7/24, with host bits set, is not one).
  const checked = range ? await asCidr(db, range) : null;
  if (!checked) return fieldError('value', 'valueInvalid');
  return succeeded({ kind: 'ip_range', ipRange: checked });
}

async function asCidr(db: Database, range: string): Promise<string | null> {
  try {
    const result = (await db.execute(sql`select ${range}::cidr::text as range`)) as unknown as { rows: { range: string }[] };
    return result.rows[0]?.range ?? null;
  } catch {
    return null;
  }
}

function blockedValue(value: BlocklistValue): string {
  if (value.kind === 'email_domain') return value.domain;
  return value.kind === 'ip_range' ? value.ipRange : value.ipHash;
}

export const addBlocklistEntry = defineOperation({
  name: 'blocklists.add',
  input: addBlocklistEntrySchema,
  writes: true,
  // Signing refuses the source from now on; nothing public is shown differently.
  changesPublicView: false,
  prepare: ({ db }, data) => blocklistValue(db, data),
  async run({ tx, audit, actor }, data, value) {
    const [entry] = await tx
      .insert(petitionBlocklist)
      .values({ ...value, note: data.note, createdByUserId: actor.userId })
      .onConflictDoNothing()
      .returning({ id: petitionBlocklist.id });
    if (!entry) return fieldError('value', 'entryExists');
    await audit({
      entityType: 'petition_blocklist',
      entityId: entry.id,
      after: { kind: value.kind, value: blockedValue(value), note: data.note },
    });
    return succeeded({ entryId: entry.id });
  },
});

export const removeBlocklistEntry = defineOperation({
  name: 'blocklists.remove',
  input: removeBlocklistEntrySchema,
  writes: true,
  changesPublicView: false,
  async run({ tx, audit }, { entryId }) {
    const [removed] = await tx.delete(petitionBlocklist).where(eq(petitionBlocklist.id, entryId)).returning();
    if (!removed) return fieldError('entryId', 'entryUnknown');
    await audit({ entityType: 'petition_blocklist', entityId: entryId, before: removed });
    return succeeded({ entryId });
  },
});
