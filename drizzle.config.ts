import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` writes reviewed SQL into the one migrations folder that both engines apply.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema/index.ts',
  out: './src/store/migrations',
  casing: 'snake_case',
});
