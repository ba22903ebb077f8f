import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL from the schema; migrations are applied by db/migrate.ts on both engines.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './drizzle',
});
