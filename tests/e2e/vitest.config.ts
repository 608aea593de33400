import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium against the built site served by `vite preview`.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		pool: 'forks',
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 180_000
	}
});
