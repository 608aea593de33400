/**
 * Load benchmark: data build time, navigation → prerendered numbers visible,
 * navigation → live scorecard (DuckDB-WASM ready, KPIs recomputed), and the bytes
 * of JavaScript and wasm the first page loads (raw and gzip). Real Chromium, cold
 * profile per run, the built site served by `vite preview` on localhost.
 *
 *   npm run bench:load [-- --runs 7 --skip-build]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { quantile } from 'd3-array';
import { launch } from '../tests/e2e/browser';
import { previewServer } from './lib/preview-server';

const { values } = parseArgs({
	options: { runs: { type: 'string', default: '7' }, 'skip-build': { type: 'boolean', default: false }, port: { type: 'string', default: '4199' } }
});
const runs = Number(values.runs);

function timed(cmd: string, args: string[]): number {
	const t0 = performance.now();
	const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
	return performance.now() - t0;
}

const fmt = (ms: number) => `${Math.round(ms)} ms`;
const stats = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return { median: quantile(s, 0.5)!, p95: quantile(s, 0.95)!, min: s[0], max: s[s.length - 1] };
};

if (!values['skip-build']) {
	const buildTimes = [0, 1, 2].map(() => timed('./node_modules/.bin/tsx', ['scripts/build-data.ts']));
	const prebakeTimes = [0, 1, 2].map(() => timed('./node_modules/.bin/tsx', ['scripts/prebake.ts']));
	console.log(`data build (validate + Arrow + manifest), median of 3: ${fmt(stats(buildTimes).median)}`);
	console.log(`prebake (every unit's scorecard, Node DuckDB-WASM), median of 3: ${fmt(stats(prebakeTimes).median)}`);
	timed('./node_modules/.bin/vite', ['build']);
}
if (!existsSync('build/index.html')) throw new Error('build/ is missing: run without --skip-build');

const { base, stop: stopServer } = await previewServer(values.port!);
const url = `${base}/`;

const prerendered: number[] = [];
const fcp: number[] = [];
const live: number[] = [];
let resources: string[] = [];
// Timestamps taken inside the page, relative to its navigation start, so the figures
// exclude the browser's own start-up.
const probe = () => {
	const marks: Record<string, number> = {};
	(window as unknown as { __marks: Record<string, number> }).__marks = marks;
	new MutationObserver(() => {
		if (!marks.numbers && document.querySelector('[data-testid="count-total"]')) marks.numbers = performance.now();
		if (!marks.live && document.querySelector('[data-state="live"]')) marks.live = performance.now();
	}).observe(document, { childList: true, subtree: true, attributes: true });
};
try {
	for (let i = 0; i < runs + 1; i++) {
		const { context, close } = await launch({ width: 1920, height: 1080 });
		const requested: string[] = [];
		context.on('request', (r) => requested.push(r.url()));
		await context.addInitScript(probe);
		const page = await context.newPage();
		await page.goto(url);
		await page.waitForSelector('[data-state="live"]', { timeout: 60_000 });
		const m = await page.evaluate(() => ({
			...(window as unknown as { __marks: Record<string, number> }).__marks,
			fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN
		}));
		if (i === 0) {
			// the first run warms the server's file cache and is not counted
			resources = requested;
		} else {
			prerendered.push(m.numbers);
			fcp.push(m.fcp);
			live.push(m.live);
		}
		await close();
	}
} finally {
	stopServer();
}

const fileOf = (u: string) => join('build', decodeURIComponent(new URL(u).pathname)).replace(/\?.*$/, '');
let jsRaw = 0;
let jsGz = 0;
let wasmRaw = 0;
let wasmGz = 0;
let workerRaw = 0;
let workerGz = 0;
for (const r of new Set(resources)) {
	const path = fileOf(r);
	if (!existsSync(path) || !/\.(js|wasm)$/.test(path)) continue;
	const bytes = readFileSync(path);
	const gz = gzipSync(bytes, { level: 9 }).length;
	if (path.endsWith('.wasm')) {
		wasmRaw += bytes.length;
		wasmGz += gz;
	} else if (/worker/.test(path) && path.endsWith('.js')) {
		workerRaw += bytes.length;
		workerGz += gz;
	} else if (path.endsWith('.js')) {
		jsRaw += bytes.length;
		jsGz += gz;
	}
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const p = stats(prerendered);
const l = stats(live);
const f = stats(fcp);
console.log(`navigation → prerendered numbers in the DOM (${runs} cold runs): median ${fmt(p.median)}, p95 ${fmt(p.p95)}`);
console.log(`navigation → first contentful paint, numbers included (${runs} cold runs): median ${fmt(f.median)}, p95 ${fmt(f.p95)}`);
console.log(`navigation → live scorecard (${runs} cold runs): median ${fmt(l.median)}, p95 ${fmt(l.p95)}`);
console.log(`first page JavaScript (app): ${kb(jsRaw)} raw, ${kb(jsGz)} gzip`);
console.log(`DuckDB worker JavaScript: ${kb(workerRaw)} raw, ${kb(workerGz)} gzip`);
console.log(`DuckDB wasm: ${kb(wasmRaw)} raw, ${kb(wasmGz)} gzip`);
