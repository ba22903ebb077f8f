/**
 * Data steps a SQL migration asked for (a row in data_migrations) that need the app's code: run once,
 * after migrating, on both engines, each in one transaction with its "done" stamp. Several instances
 * starting at once: the row lock lets one run it; the others wait, then find it done.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Transaction } from './client';
import { dataMigrations } from './schema';

const STEPS: Record<string, (tx: Transaction) => Promise<void>> = {
  // Migration 0018: cases already public become their first published snapshots (lib/cases/first-snapshots.ts).
  'first-public-snapshots': async (tx) => {
    const { publishCasesAsTheyStand, convertWaitingRequests } = await import('../lib/cases/first-snapshots');
    await publishCasesAsTheyStand(tx);
    await convertWaitingRequests(tx);
  },
  // Migration 0019: the text of petitions already public joins their cases' snapshots (lib/cases/first-snapshots.ts).
  'petition-text-in-snapshots': async (tx) => {
    const { publishPetitionTextsAsTheyStand } = await import('../lib/cases/first-snapshots');
    await publishPetitionTextsAsTheyStand(tx);
  },
};

export async function runDataMigrations(db: Database): Promise<void> {
  const pending = await db.select({ name: dataMigrations.name }).from(dataMigrations).where(isNull(dataMigrations.doneAt));
  for (const { name } of pending) {
    const step = STEPS[name];
    if (!step) throw new Error(`Unknown data migration: ${name}`);
    await db.transaction(async (tx) => {
      const [row] = await tx.select().from(dataMigrations).where(and(eq(dataMigrations.name, name), isNull(dataMigrations.doneAt))).for('update');
      if (!row) return;
      await step(tx);
      await tx.update(dataMigrations).set({ doneAt: new Date(), updatedAt: new Date() }).where(eq(dataMigrations.name, name));
    });
  }
}
