import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          exclude: ['**/*.pg.test.ts', '**/node_modules/**'],
          // electron cannot be loaded in plain Node (it tries to download its binary): tests mock it.
          pool: 'forks',
          // Property tests, PDF rendering and crash loops take seconds on a busy 2-core machine.
          testTimeout: 30_000,
        },
      },
      {
        // Tests on a real PostgreSQL server: one throw-away cluster per run (test/postgres/global-setup.ts), started
        // only when one of these files is selected; each file makes its own database, so files run in parallel.
        test: {
          name: 'postgres',
          environment: 'node',
          include: ['test/**/*.pg.test.ts'],
          globalSetup: ['test/postgres/global-setup.ts'],
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: ['test/component/**/*.test.tsx'],
          setupFiles: ['test/component/setup.ts'],
          // Typing whole forms with user-event takes seconds on a busy 2-core machine; the default 5 s flakes.
          testTimeout: 20_000,
        },
      },
    ],
  },
});
