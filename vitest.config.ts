import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Most of a test's time is spent waiting on a server process or Chromium: two test files at
    // a time keep both cores of a small machine busy. Tests never assume an idle machine.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'server/src/**/*.test.ts'],
          environment: 'node',
          // One module graph per worker instead of per file: importing Yjs, Tiptap and the server
          // again for each of 77 files was over half the project's CPU time (80 -> 34 CPU-s).
          // Unit tests keep no state between files; they pass in shuffled order this way.
          isolate: false,
          // Generous for a busy two-core machine: no unit test may depend on an idle one.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          setupFiles: ['tests/support/freshConnections.ts'],
          globalSetup: ['tests/support/buildServerOnce.ts'],
          environment: 'node',
          // Caps for a busy two-core machine, not expectations: a test waits by polling.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          setupFiles: ['tests/support/freshConnections.ts'],
          globalSetup: ['tests/support/buildServerOnce.ts', 'tests/support/buildWebOnce.ts'],
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
})
