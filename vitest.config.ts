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
          // electron cannot be loaded in plain Node (it tries to download its binary): tests mock it.
          pool: 'forks',
          // Property tests, PDF rendering and crash loops take seconds on a busy 2-core machine.
          testTimeout: 30_000,
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
