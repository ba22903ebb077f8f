/** The directory's active targets with what letters need of them (names, address, salutations). No caller check: internal. */
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { letterTargets } from '@/db/schema';

export function loadActiveTargets(db: Database) {
  return db
    .select({
      id: letterTargets.id,
      nameEn: letterTargets.nameEn,
      nameLocal: letterTargets.nameLocal,
      nameZh: letterTargets.nameZh,
      hostCountry: letterTargets.hostCountry,
      city: letterTargets.city,
      addressLines: letterTargets.addressLines,
      salutationEn: letterTargets.salutationEn,
      salutationKo: letterTargets.salutationKo,
      salutationZh: letterTargets.salutationZh,
    })
    .from(letterTargets)
    .where(eq(letterTargets.status, 'active'))
    .orderBy(asc(letterTargets.hostCountry), asc(letterTargets.kind), asc(letterTargets.nameEn));
}
