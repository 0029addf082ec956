import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'renderer/**/*.test.ts', 'electron/**/*.test.ts', 'cli/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Packages dist/, so it runs after the build: `npm run test:package` (vitest.package.config.ts).
    exclude: ['**/node_modules/**', 'scripts/packaging.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
