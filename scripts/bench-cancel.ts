/**
 * SQL console: how long Cancel takes to stop a long query, and how responsive the page
 * stays while the query runs, in real Chromium against the built site (`vite preview`
 * of build/). For each of --runs runs (default 5): start a query that would run for
 * minutes, probe the main thread for 2 s with requestAnimationFrame and setTimeout
 * (longest gap between two callbacks), press Cancel and time until the page says so.
 *
 *   tsx scripts/bench-cancel.ts [--runs 5] [--port 4198] [--probe 2000]
 *   tsx scripts/bench-cancel.ts --url http://127.0.0.1:5173   (a server already running)
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { median } from 'd3-array';
import { launch } from '../tests/e2e/browser';

const { values } = parseArgs({
	options: {
		runs: { type: 'string', default: '5' },
		port: { type: 'string', default: '4198' },
		probe: { type: 'string', default: '2000' },
		url: { type: 'string' }
	}
});
const runs = Number(values.runs);
const probeMs = Number(values.probe);
// ~3·10⁹ rows: DuckDB-WASM needs minutes, so only Cancel ends it.
const HEAVY = 'SELECT count(*), sum(i * j) FROM range(100000000) t(i) CROSS JOIN range(30) s(j)';

const server = values.url
	? null
	: spawn('./node_modules/.bin/vite', ['preview', '--port', values.port!, '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
const base = values.url?.replace(/\/$/, '') ?? `http://127.0.0.1:${values.port}`;
for (let i = 0; i < 100; i++) {
	try {
		if ((await fetch(base)).ok) break;
	} catch {
		/* starting */
	}
	await new Promise((r) => setTimeout(r, 100));
}

const statusIs = (s: string) => `document.querySelector('[data-testid="run-status"]')?.getAttribute('data-status') === '${s}'`;

try {
	const { context, close } = await launch({ width: 1280, height: 720 });
	const page = await context.newPage();
	// Functions handed to the page are compiled by tsx, which may wrap them in __name().
	await page.addInitScript('window.__name = (f) => f');
	await page.goto(base + '/query');
	await page.waitForSelector('[data-testid="schema-browser"]', { timeout: 90_000 });
	await page.getByTestId('sql-input').click();
	await page.keyboard.press('Control+a');
	await page.keyboard.press('Delete');
	await page.keyboard.insertText(HEAVY);

	const cancelMs: number[] = [];
	const gapMs: number[] = [];
	for (let i = 0; i < runs; i++) {
		await page.getByTestId('run').click();
		await page.waitForFunction(statusIs('running'));
		const gap = await page.evaluate(async (ms) => {
			let worst = 0;
			let lastFrame = performance.now();
			let lastTick = performance.now();
			let on = true;
			const frame = () => {
				const now = performance.now();
				worst = Math.max(worst, now - lastFrame);
				lastFrame = now;
				if (on) requestAnimationFrame(frame);
			};
			const tick = () => {
				const now = performance.now();
				worst = Math.max(worst, now - lastTick - 10); // minus the timer's own 10 ms
				lastTick = now;
				if (on) setTimeout(tick, 10);
			};
			requestAnimationFrame(frame);
			setTimeout(tick, 10);
			await new Promise((r) => setTimeout(r, ms));
			on = false;
			return worst;
		}, probeMs);
		const took = await page.evaluate(async () => {
			const t0 = performance.now();
			(document.querySelector('[data-testid="cancel"]') as HTMLButtonElement).click();
			await new Promise<void>((resolve) => {
				const check = () =>
					document.querySelector('[data-testid="run-status"]')?.getAttribute('data-status') === 'cancelled' ? resolve() : requestAnimationFrame(check);
				check();
			});
			return performance.now() - t0;
		});
		gapMs.push(gap);
		cancelMs.push(took);
		console.log(`run ${i + 1}: time to cancel ${Math.round(took)} ms, longest main-thread gap while running ${Math.round(gap)} ms`);
	}
	console.log(
		`SQL console cancel: median time to cancel ${Math.round(median(cancelMs)!)} ms (max ${Math.round(Math.max(...cancelMs))}), ` +
			`median longest main-thread gap ${Math.round(median(gapMs)!)} ms (max ${Math.round(Math.max(...gapMs))}) over ${runs} runs`
	);
	await close();
} finally {
	server?.kill('SIGTERM');
}
