import { defineConfig } from 'vitest/config';

// `npm run test:package`: the packaging check, after `npm run build` (it packages dist/). See scripts/packaging.test.ts.
export default defineConfig({
  test: {
    include: ['scripts/packaging.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
