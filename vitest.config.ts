import { configDefaults, defineConfig } from 'vitest/config';

const postgresSetup = 'test/helpers/postgres.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    provide: { rivalscopeBackend: 'sqlite' },
    projects: [
      {
        extends: true,
        test: { name: 'default', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/**/pg/**'] },
      },
      // The Postgres backend: a project's setup starts a throwaway server only when a run includes its tests.
      {
        extends: true,
        test: { name: 'postgres', include: ['test/**/pg/**/*.test.ts'], globalSetup: [postgresSetup] },
      },
      {
        // The API tests once more, their app over Postgres (test/helpers/test-app.ts).
        extends: true,
        test: { name: 'api-postgres', include: ['test/src/http/**/*.test.ts'], globalSetup: [postgresSetup], provide: { rivalscopeBackend: 'postgres' } },
      },
    ],
  },
});
