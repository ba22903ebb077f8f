/** The directory's columns as staff read them, shared by the list, the export and the batch generator. */
import 'server-only';
import { sql } from 'drizzle-orm';
import { letterTargets } from '@/db/schema';

export const targetColumns = {
  id: letterTargets.id,
  key: letterTargets.key,
  kind: letterTargets.kind,
  nameEn: letterTargets.nameEn,
  nameLocal: letterTargets.nameLocal,
  nameZh: letterTargets.nameZh,
  representsCountry: letterTargets.representsCountry,
  hostCountry: letterTargets.hostCountry,
  city: letterTargets.city,
  addressLines: letterTargets.addressLines,
  email: letterTargets.email,
  fax: letterTargets.fax,
  phone: letterTargets.phone,
  website: letterTargets.website,
  webFormUrl: letterTargets.webFormUrl,
  headTitle: letterTargets.headTitle,
  salutationEn: letterTargets.salutationEn,
  salutationKo: letterTargets.salutationKo,
  salutationZh: letterTargets.salutationZh,
  preferredLanguages: letterTargets.preferredLanguages,
  sourceUrl: letterTargets.sourceUrl,
  sourceNotes: letterTargets.sourceNotes,
  verifiedOn: letterTargets.verifiedOn,
  status: letterTargets.status,
  updatedAt: sql<string>`to_char(${letterTargets.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
};
