/**
 * Filter change → charts repainted, in real Chromium against the built site.
 * For each page, the year filter is switched back and forth; the time is taken in the
 * page from the select's change to the moment every query on the page has settled and
 * every chart has been given its new option (Chart.svelte stamps data-rendered).
 *
 *   npm run bench:filter [-- --changes 15]
 */
import { parseArgs } from 'node:util';
import { quantile } from 'd3-array';
import { launch } from '../tests/e2e/browser';
import { previewServer } from './lib/preview-server';

const { values } = parseArgs({ options: { changes: { type: 'string', default: '15' }, port: { type: 'string', default: '4197' } } });
const changes = Number(values.changes);
const PAGES = ['/?unit=33@2025', '/indicators/OC01?unit=22@2024', '/domains/ocop?unit=33@2025', '/compare?indicator=OC01'];

const { base, stop: stopServer } = await previewServer(values.port!);

const settled = () =>
	[...document.querySelectorAll('[data-query-state]')].every((e) => e.getAttribute('data-query-state') !== 'loading') &&
	!document.querySelector('[data-state="prebaked"]') &&
	!document.querySelector('.stale');

try {
	const { context, close } = await launch({ width: 1920, height: 1080 });
	// tsx names inner functions with an __name helper that the page does not have.
	await context.addInitScript({ content: 'window.__name = (f) => f;' });
	const page = await context.newPage();
	for (const path of PAGES) {
		await page.goto(base + path);
		await page.waitForFunction(settled, undefined, { timeout: 60_000 });
		const times: number[] = [];
		for (let i = 0; i < changes + 2; i++) {
			const year = i % 2 ? '2025' : '2024';
			// Watch the page from inside: the change counts as repainted when the queries it
			// started have all settled and the browser has painted the next frame.
			const t0 = await page.evaluate(() => {
				const w = window as unknown as { __t0: number; __seenLoading: boolean; __done: number };
				w.__t0 = performance.now();
				w.__seenLoading = false;
				w.__done = 0;
				const check = () => {
					const states = [...document.querySelectorAll('[data-query-state]')].map((e) => e.getAttribute('data-query-state'));
					const busy = states.some((s) => s === 'loading') || !!document.querySelector('.stale');
					if (busy) w.__seenLoading = true;
					else if (w.__seenLoading && !w.__done) requestAnimationFrame(() => requestAnimationFrame(() => (w.__done ||= performance.now())));
				};
				const mo = new MutationObserver(check);
				mo.observe(document.body, { subtree: true, attributes: true, childList: true });
				return w.__t0;
			});
			await page.getByTestId('year-select').selectOption(year);
			await page.waitForURL(new RegExp(`year=${year}`));
			await page.waitForFunction(() => (window as unknown as { __done: number }).__done > 0, undefined, { timeout: 60_000 });
			const t1 = await page.evaluate(() => (window as unknown as { __done: number }).__done);
			if (i >= 2) times.push(t1 - t0); // the first two warm the caches
		}
		const s = [...times].sort((a, b) => a - b);
		console.log(`filter change → repainted ${path}: median ${Math.round(quantile(s, 0.5)!)} ms, p95 ${Math.round(quantile(s, 0.95)!)} ms (${times.length} changes)`);
	}
	await close();
} finally {
	stopServer();
}
