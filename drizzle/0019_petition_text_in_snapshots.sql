-- Petition text (title, text, target, address) is published with its case's snapshot (issue 11). The text
-- of petitions public under the old rule joins their cases' current snapshots as it stands, keeping the dates
-- the public saw (lib/cases/first-snapshots.ts, run once after migrating by db/data-migrations.ts).
INSERT INTO "data_migrations" ("name") VALUES ('petition-text-in-snapshots');
