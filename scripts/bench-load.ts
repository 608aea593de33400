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
import { coldLoads, type LoadSample } from './lib/bench/load';
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

let samples: LoadSample[];
let resources: string[];
try {
	// The same cold loads as npm run bench (lib/bench/load.ts): fresh profile, settled browser.
	({ samples, fetched: resources } = await coldLoads(url, runs));
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
const p = stats(samples.map((x) => x.numbers));
const l = stats(samples.map((x) => x.live));
console.log(`navigation → prerendered numbers painted (${runs} cold runs): median ${fmt(p.median)}, p95 ${fmt(p.p95)}`);
console.log(`navigation → live scorecard (${runs} cold runs): median ${fmt(l.median)}, p95 ${fmt(l.p95)}`);
console.log(`first page JavaScript (app): ${kb(jsRaw)} raw, ${kb(jsGz)} gzip`);
console.log(`DuckDB worker JavaScript: ${kb(workerRaw)} raw, ${kb(workerGz)} gzip`);
console.log(`DuckDB wasm: ${kb(wasmRaw)} raw, ${kb(wasmGz)} gzip`);
