import { defineConfig } from 'vitest/config';

/**
 * Test tiers (issue 12): `npm test` runs every project (CI runs it on both engines); `npm run test:fast` runs the
 * `fast` project only — pure rules and API tests, the loop while working. The `slow` project holds what starts child
 * processes (the CLI, kill -9 crash tests, backup and restore), measures memory on large inputs, or loads a whole
 * demo county; `browser` drives Chromium against the built web app.
 */
const slow = [
  'test/cli.test.ts',
  'test/feeds-crash.test.ts',
  'test/backup-restore.test.ts',
  'test/reports-cli.test.ts',
  'test/projects-cli.test.ts',
  'test/demo-history.test.ts',
  'test/campaigns-demo.test.ts',
  'test/projects-demo.test.ts',
  'src/**/*.memory.test.ts',
  'src/**/*.cli.test.ts',
];
const browser = ['test/browser/**/*.test.ts'];

const shared = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    // PGlite instances are memory-hungry; two workers match the 2-core machines.
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'fast',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...slow, ...browser, '**/node_modules/**'],
        },
      },
      // A slow test runs child processes that may each take up to their own 120 s limit on a busy machine: the
      // test waits for them rather than leaving a child holding the embedded database for the next test.
      {
        test: { ...shared, testTimeout: 300_000, name: 'slow', include: slow, exclude: ['**/node_modules/**'] },
      },
      { test: { ...shared, name: 'browser', include: browser, exclude: ['**/node_modules/**'] } },
    ],
  },
});
