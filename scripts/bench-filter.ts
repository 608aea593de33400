/**
 * Filter change → charts repainted, in real Chromium against the built site.
 * For each page, the year filter is switched back and forth; the time is taken in the
 * page from the select's change to the moment every query on the page has settled and
 * every chart has been given its new option (Chart.svelte stamps data-rendered).
 *
 *   npm run bench:filter [-- --changes 15]
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { quantile } from 'd3-array';
import { launch } from '../tests/e2e/browser';

const { values } = parseArgs({ options: { changes: { type: 'string', default: '15' }, port: { type: 'string', default: '4197' } } });
const changes = Number(values.changes);
const PAGES = ['/?unit=33@2025', '/indicators/OC01?unit=22@2024', '/domains/ocop?unit=33@2025', '/compare?indicator=OC01'];

const server = spawn('./node_modules/.bin/vite', ['preview', '--port', values.port!, '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
const base = `http://127.0.0.1:${values.port}`;
for (let i = 0; i < 100; i++) {
	try {
		if ((await fetch(base)).ok) break;
	} catch {
		/* starting */
	}
	await new Promise((r) => setTimeout(r, 100));
}

const settled = () =>
	[...document.querySelectorAll('[data-query-state]')].every((e) => e.getAttribute('data-query-state') !== 'loading') &&
	!document.querySelector('[data-state="prebaked"]') &&
	!document.querySelector('.stale');

try {
	const { context, close } = await launch({ width: 1920, height: 1080 });
	const page = await context.newPage();
	for (const path of PAGES) {
		await page.goto(base + path);
		await page.waitForFunction(settled, undefined, { timeout: 60_000 });
		const times: number[] = [];
		for (let i = 0; i < changes + 2; i++) {
			const year = i % 2 ? '2025' : '2024';
			const t0 = await page.evaluate(() => ((window as unknown as { __t0: number }).__t0 = Date.now()));
			await page.getByTestId('year-select').selectOption(year);
			await page.waitForURL(new RegExp(`year=${year}`));
			await page.waitForFunction(
				(start) => {
					const ok = [...document.querySelectorAll('[data-query-state]')].every((e) => e.getAttribute('data-query-state') !== 'loading');
					const charts = [...document.querySelectorAll('.chart')];
					const painted = charts.every((c) => Number((c as HTMLElement).dataset.rendered ?? 0) >= start);
					return ok && painted && !document.querySelector('.stale');
				},
				t0,
				{ timeout: 60_000, polling: 'raf' }
			);
			const t1 = await page.evaluate(() => Date.now());
			if (i >= 2) times.push(t1 - t0); // the first two warm the caches
		}
		const s = [...times].sort((a, b) => a - b);
		console.log(`filter change → repainted ${path}: median ${Math.round(quantile(s, 0.5)!)} ms, p95 ${Math.round(quantile(s, 0.95)!)} ms (${times.length} changes)`);
	}
	await close();
} finally {
	server.kill('SIGTERM');
}
