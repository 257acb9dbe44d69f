import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema (`npm run db:generate`), committed, and never edited
// after they land. Steps drizzle-kit cannot express (roles, FORCE RLS, grants) are custom migrations
// (`npx drizzle-kit generate --custom --name …`).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema/index.ts',
  out: './src/server/db/migrations',
  casing: 'snake_case',
});
