import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // The compatibility suite starts TensorBoard servers; give it its own worker and let the rest run beside it.
    pool: 'forks',
    // tfjs-node's TensorFlow logs its CPU features at load; keep the test output to the tests.
    env: { TF_CPP_MIN_LOG_LEVEL: '2' },
  },
});
