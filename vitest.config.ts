import { defineConfig } from 'vitest/config';

// Every suite runs on SQLite; with TEST_DATABASE_URL set, the integration suites run on
// PostgreSQL too (each test file in its own schema). The e2e journey drives real Chromium.
const unitAndIntegration = ['src/**/*.test.ts', 'test/integration/**/*.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    // Fails a test whose answers contradict the OpenAPI document (see test/helpers/app.ts).
    setupFiles: ['./test/helpers/openapi-conformance.setup.ts'],
    // PostgreSQL test schemas: named per run, dropped once every file is done.
    globalSetup: ['./test/helpers/postgres-schemas.global.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'sqlite', include: unitAndIntegration, env: { LYCEUM_TEST_DB: 'sqlite' } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ extends: true, test: { name: 'postgres', include: unitAndIntegration, env: { LYCEUM_TEST_DB: 'postgres' } } }]
        : []),
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 90_000, fileParallelism: false } },
    ],
  },
});
