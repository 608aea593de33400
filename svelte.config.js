import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// The benchmark builds the site on other data without touching build/ or static/:
// TIENDO_STATIC names the static-assets folder (its data/ holds the Arrow files and
// prebaked.json), TIENDO_BUILD the output folder, TIENDO_KIT_OUT SvelteKit's work folder.
const staticDir = process.env.TIENDO_STATIC ?? 'static';
const buildDir = process.env.TIENDO_BUILD ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ pages: buildDir, assets: buildDir, fallback: undefined, strict: true }),
		files: { assets: staticDir },
		outDir: process.env.TIENDO_KIT_OUT ?? '.svelte-kit',
		// Relative asset paths let the built site be served from any sub-path of an intranet server.
		paths: { relative: true },
		// The stylesheets are small (about 14 kB in all): inlined in the prerendered page, they
		// cost no render-blocking requests before the first numbers paint.
		inlineStyleThreshold: 16 * 1024,
		// Prerendered pages carry this policy in a <meta> tag, with hashes of SvelteKit's own
		// inline start-up script. 'wasm-unsafe-eval' is for DuckDB-WASM only; nothing comes
		// from a third-party origin. frame-ancestors cannot be set from a <meta> tag: the web
		// server sends it (README, "Deploying").
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				// Svelte's style: directives and ECharts/CodeMirror set inline styles.
				'style-src': ['self', 'unsafe-inline'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};
export default config;
