import { defineConfig } from 'vitest/config';

// Integration tests run on embedded PGlite always, and again on PostgreSQL when CI (or you) gives a
// TEST_DATABASE_URL. The Loket/Yuki clients and the sandboxes never touch our database, so their
// integration tests run once. `*.postgres.integration.test.ts` need several processes on one
// database and run on PostgreSQL only; `*.pglite.integration.test.ts` test the embedded mode only.
const postgresUrl = process.env.TEST_DATABASE_URL;
const databaseFree = ['src/loket/**', 'src/yuki/**', 'src/mail/**', 'sandbox/**'];
if (!postgresUrl)
  console.log('skipped: the integration suite on PostgreSQL (set TEST_DATABASE_URL to run it)');

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 15_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['{src,sandbox,test}/**/*.unit.test.{ts,tsx}'] },
      },
      {
        extends: true,
        test: {
          name: 'integration-pglite',
          include: ['{src,sandbox,test}/**/*.integration.test.{ts,tsx}'],
          exclude: ['**/*.postgres.integration.test.{ts,tsx}'],
          env: { TEST_DB_ENGINE: 'pglite' },
        },
      },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: {
                name: 'integration-postgres',
                include: ['{src,test}/**/*.integration.test.{ts,tsx}'],
                exclude: [...databaseFree, '**/*.pglite.integration.test.{ts,tsx}'],
                env: { TEST_DB_ENGINE: 'postgres', TEST_DATABASE_URL: postgresUrl },
              },
            },
          ]
        : []),
    ],
  },
});
