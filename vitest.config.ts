import { defineConfig } from 'vitest/config';

// `VSHIP_TEST_PROJECT=tests/runner-fixtures/<case>`: the runner's own test points this config at a
// tiny fixture project, so what it pins (allowOnly, the reporters) is this file's, not a copy's.
const project = process.env.VSHIP_TEST_PROJECT;

export default defineConfig({
  test: {
    include: project ? [`${project}/**/*.test.ts`] : ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A stray `.only` fails the run instead of silently shrinking it (Vitest allows it outside CI).
    allowOnly: false,
    passWithNoTests: false,
  },
});
