import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	test: {
		include: ['tests/**/*.test.ts'],
		// duckdb-wasm's Node build reads worker data at import time; it needs the forks pool.
		pool: 'forks',
		testTimeout: 60_000,
		hookTimeout: 120_000
	}
});
