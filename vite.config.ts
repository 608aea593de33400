import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import type { Connect, Plugin } from 'vite';

/**
 * Framing: a <meta> policy cannot say who may frame a page, so the server does. Embeds
 * (/embed/*) may sit in any site's page; the rest of the dashboard may not (clickjacking).
 * static/_headers and the nginx example in the README say the same for other servers.
 */
export function frameHeaders(path: string): Record<string, string> {
	const common = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin' };
	return /^\/embed(\/|$)/.test(path)
		? { ...common, 'Content-Security-Policy': 'frame-ancestors *' }
		: { ...common, 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' };
}

function frameHeadersPlugin(): Plugin {
	const middleware: Connect.NextHandleFunction = (req, res, next) => {
		const headers = frameHeaders((req.url ?? '/').split('?')[0]);
		for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
		// The dev server sends SvelteKit's own policy header later: keep both (both apply).
		const set = res.setHeader.bind(res);
		res.setHeader = (k, v) =>
			k.toLowerCase() === 'content-security-policy' && typeof v === 'string' && v !== headers['Content-Security-Policy']
				? set(k, [v, headers['Content-Security-Policy']])
				: set(k, v);
		next();
	};
	return {
		name: 'tiendo-frame-headers',
		configurePreviewServer: (server) => void server.middlewares.use(middleware),
		configureServer: (server) => void server.middlewares.use(middleware)
	};
}

export default defineConfig({
	plugins: [frameHeadersPlugin(), sveltekit()],
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	test: {
		include: ['tests/**/*.test.ts'],
		// duckdb-wasm's Node build reads worker data at import time; it needs the forks pool.
		pool: 'forks',
		testTimeout: 60_000,
		hookTimeout: 120_000
	}
});
