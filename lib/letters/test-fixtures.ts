/** Letters records for integration tests, written straight to the test database. */
import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { casePeople, cases, letterBatches, letters, letterTargets, letterTemplates } from '@/db/schema';
import { SEED_TARGETS } from '@/db/seed-targets';
import { publishAsTheyStand } from '@/lib/cases/test-fixtures';
import type { TargetFieldsInput } from '@/lib/targets/schemas';

/** A published public case with one person; its slug. */
export async function insertPublicCase(values: Partial<typeof cases.$inferInsert> = {}): Promise<{ caseId: string; slug: string }> {
  const db = await getDb();
  const slug = `letters-${randomUUID().slice(0, 8)}`;
  const [row] = await db
    .insert(cases)
    .values({ slug, title: 'A public test case', lifecycle: 'published', publicityMode: 'public_campaign', familyConsentStatus: 'granted', ...values })
    .returning({ id: cases.id });
  await db.insert(casePeople).values({ caseId: row!.id, publicAlias: 'Person A', relation: 'principal', custodyStatus: 'detained_in_china' });
  await publishAsTheyStand(row!.id);
  return { caseId: row!.id, slug };
}

export async function insertTarget(values: Partial<typeof letterTargets.$inferInsert> = {}): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(letterTargets)
    .values({ ...SEED_TARGETS[3]!, key: `test-${randomUUID().slice(0, 8)}`, ...values })
    .returning({ id: letterTargets.id });
  return row!.id;
}

export async function insertTemplate(caseId: string, values: Partial<typeof letterTemplates.$inferInsert> = {}): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(letterTemplates)
    .values({ caseId, name: 'Test template', language: 'en', body: '{{target.salutation}}\nWe write about {{person.alias}}.', ...values })
    .returning({ id: letterTemplates.id });
  return row!.id;
}

/** A batch of one generated letter; the ids of both. */
export async function insertLetter(): Promise<{ batchId: string; letterId: string; caseId: string }> {
  const db = await getDb();
  const { caseId } = await insertPublicCase();
  const templateId = await insertTemplate(caseId);
  const targetId = await insertTarget();
  const [batch] = await db
    .insert(letterBatches)
    .values({ templateId, templateVersion: 1, caseId, senderName: 'Test Sender', senderOrganisation: 'Test Group' })
    .returning({ id: letterBatches.id });
  const [letter] = await db
    .insert(letters)
    .values({
      batchId: batch!.id,
      targetId,
      caseId,
      templateId,
      templateVersion: 1,
      language: 'en',
      renderedText: 'Your Excellency,\nWe write about Person A.',
      targetSnapshot: { key: 'test', kind: 'embassy', nameEn: 'Test embassy', nameLocal: '', nameZh: '', hostCountry: 'CA', city: 'Ottawa', addressLines: '1 Test Street\nOttawa', email: '', fax: '', salutation: 'Your Excellency,' },
      sha256: '0'.repeat(64),
      position: 0,
    })
    .returning({ id: letters.id });
  return { batchId: batch!.id, letterId: letter!.id, caseId };
}

/** A target's form fields, as the form or a CSV row would give them. */
export function targetForm(values: Partial<TargetFieldsInput> = {}): TargetFieldsInput {
  return {
    key: `test-${randomUUID().slice(0, 8)}`,
    kind: 'embassy',
    nameEn: 'Embassy of Testland',
    representsCountry: 'CN',
    hostCountry: 'CA',
    city: 'Ottawa',
    addressLines: '1 Test Street\nOttawa, Ontario K1A 0A1',
    salutationEn: 'Your Excellency,',
    salutationKo: '대사님께',
    salutationZh: '尊敬的大使阁下：',
    preferredLanguages: 'en, zh',
    ...values,
  };
}
