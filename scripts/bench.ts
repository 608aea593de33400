/**
 * The benchmark: real Chromium (playwright-core) against the built site at several data
 * scales, native DuckDB as the baseline. Prints one line per figure (median, p95, runs,
 * target, verdict) and writes them to .bench/results.json. Exits 1 if any figure misses
 * its target by more than 20 %.
 *
 *   npm run bench                       # every figure: default, national, 1m, 10m
 *   npm run bench -- --quick            # fewer runs, no 10m
 *   npm run bench -- --only load,console --scales default,1m --reuse
 *
 * Groups: build (data build time), load (cold load + bytes), filter, console, heap.
 * --reuse keeps an existing .bench/<scale>/build instead of regenerating and rebuilding;
 * --reuse-data keeps the built data of .bench/<scale>/static/data and makes the prepared tables and the site again.
 * Run it on a quiet machine: every figure is a wall-clock time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { figure, formatLine, verdict, type Figure } from './lib/bench/figures';
import { prepareSite, type BenchScale, type Site } from './lib/bench/site';
import { serveStatic } from './lib/bench/static-server';
import { coldLoads } from './lib/bench/load';
import { writeFloorPage } from './lib/bench/engine-floor';
import { measureBytes } from './lib/bench/bytes';
import { filterChanges } from './lib/bench/filter';
import { launchBench } from './lib/bench/browser';
import { allThreads, nativeTimes, ratios, wasmTimes } from './lib/bench/console';

const { values } = parseArgs({
	options: {
		quick: { type: 'boolean', default: false },
		only: { type: 'string' },
		scales: { type: 'string' },
		runs: { type: 'string' },
		reuse: { type: 'boolean', default: false },
		'reuse-data': { type: 'boolean', default: false },
		out: { type: 'string', default: '.bench/results.json' },
		port: { type: 'string', default: '4310' }
	}
});
const quick = values.quick!;
const groups = new Set((values.only ?? 'build,load,filter,console,heap').split(','));
const scales = (values.scales ?? (quick ? 'default,national,1m' : 'default,national,1m,10m')).split(',') as BenchScale[];
const runs = Number(values.runs ?? (quick ? 3 : 7));
const log = (s: string) => process.stderr.write(s + '\n');
const figures: Figure[] = [];
const add = (f: Figure) => {
	figures.push(f);
	console.log(formatLine(f));
};

const MS = { numbers: 500, liveDefault: 2500, liveNational: 4000, filter1m: 100, filter10m: 200 };
const started = Date.now();
const loadAtStart = loadavg()[0];
// Every figure is wall-clock time: on a busy machine they mean little, so say so.
if (loadAtStart > availableParallelism()) log(`! load average ${loadAtStart.toFixed(1)} on ${availableParallelism()} cores: timings will be inflated`);
let port = Number(values.port);

const sites = new Map<BenchScale, Site>();
for (const scale of scales) {
	try {
		sites.set(scale, await prepareSite(scale, { buildRuns: scale === '10m' || quick ? 1 : 3, reuse: values.reuse!, reuseData: values['reuse-data'], log }));
	} catch (e) {
		// A scale that cannot be built is a failed figure, not the end of the run.
		log(`[${scale}] ${(e as Error).message}`);
		add(figure(`data build + site (${scale})`, 's', [NaN], scale === '10m' ? 90 : 0, { note: `failed: ${(e as Error).message}` }));
	}
}

if (groups.has('build')) {
	for (const [scale, site] of sites) {
		if (site.buildSeconds.length === 0) continue;
		add(figure(`data build (${scale})`, 's', site.buildSeconds, scale === '10m' ? 90 : null, { note: 'scripts/build-data.ts --data DIR --out DIR' }));
		if (site.prebakeSeconds != null) {
			add(figure(`  then first screens + prepared KPI tables (${scale})`, 's', [site.prebakeSeconds], null, { note: 'scripts/prebake.ts --out DIR' }));
		}
	}
}

/**
 * The data builds just kept every core busy; a cold load timed in their wake measures
 * them. Wait (at most two minutes) until the one-minute load average is below half the
 * cores before timing, and say how long.
 */
async function quiet(what: string): Promise<void> {
	const limit = availableParallelism() / 2;
	const since = Date.now();
	while (loadavg()[0] > limit && Date.now() - since < 120_000) await new Promise((r) => setTimeout(r, 5000));
	const waited = (Date.now() - since) / 1000;
	if (waited > 1) log(`[${what}] waited ${waited.toFixed(0)} s for the machine to quiet down (load ${loadavg()[0].toFixed(1)})`);
}

for (const [scale, site] of sites) {
	await quiet(scale);
	const server = await serveStatic(site.buildDir, port++);
	try {
		if (groups.has('load') && (scale === 'default' || scale === 'national')) {
			log(`[${scale}] cold loads…`);
			const { samples, fetched } = await coldLoads(`${server.base}/`, runs);
			add(figure(`cold load → first KPI numbers painted (${scale})`, 'ms', samples.map((s) => s.numbers), MS.numbers));
			add(figure(`cold load → scorecard live (${scale})`, 'ms', samples.map((s) => s.live), scale === 'default' ? MS.liveDefault : MS.liveNational));
			// Where the time to "live" goes: each step of src/lib/kpi/live.ts, then the first scorecard.
			const step = (from: string, to: string) => samples.map((s) => (s.steps[to] ?? NaN) - (from === 'nav' ? 0 : (s.steps[from] ?? NaN)));
			const steps: [string, string, string][] = [
				['nav', 'start', 'navigation → DuckDB start requested'],
				['start', 'opened', 'DuckDB-WASM worker + wasm compiled + open'],
				['opened', 'loaded', 'data inserted (downloaded meanwhile)'],
				['loaded', 'prepared', 'stored uploads + KPI tables ready']
			];
			for (const [from, to, what] of steps) add(figure(`  start-up: ${what} (${scale})`, 'ms', step(from, to), null));
			add(figure(`  start-up: first scorecard computed and painted (${scale})`, 'ms', samples.map((s) => s.live - (s.steps.prepared ?? NaN)), null));
			if (scale === 'default') {
				// What this machine takes for the engine alone, measured right after the dashboard.
				const floor = await coldLoads(`${server.base}${writeFloorPage(site.buildDir)}`, runs);
				add(figure('  for comparison: DuckDB-WASM alone, blank page → open + SELECT 42', 'ms', floor.samples.map((s) => s.live), null));
				const b = measureBytes(fetched, server.fileOf);
				const kb = (n: number) => n / 1024;
				const app = b['app-js'];
				const worker = b['worker-js'];
				add(figure('first-page JS, app, gzip (wasm and worker excluded)', 'kB', [kb(app.gzip)], 250, { detail: app }));
				add(figure('first-page JS, app + DuckDB worker, gzip', 'kB', [kb(app.gzip + (worker?.gzip ?? 0))], null, { detail: worker }));
				add(figure('first-page JS, app + DuckDB worker, brotli', 'kB', [kb(app.brotli + (worker?.brotli ?? 0))], null));
				if (b.wasm) add(figure('DuckDB wasm, gzip (fetched once per cold load)', 'kB', [kb(b.wasm.gzip)], null, { detail: b.wasm }));
				if (b.data) add(figure('data files fetched, gzip', 'kB', [kb(b.data.gzip)], null, { detail: b.data.files }));
			}
		}
		const wantFilter = groups.has('filter') && ['default', '1m', '10m'].includes(scale);
		const wantHeap = groups.has('heap') && scale === '10m';
		if (wantFilter || wantHeap) {
			log(`[${scale}] filter changes…`);
			const { context, close } = await launchBench({ preciseMemory: wantHeap });
			try {
				const r = await filterChanges(context, server.base, {
					pages: ['/', '/indicators/DN01', '/indicators/KN01'],
					units: ['33@2025', '48@2025'],
					years: [2026, 2025],
					changes: quick ? 4 : 8,
					sampleHeap: wantHeap
				});
				if (wantFilter) {
					const target = scale === '1m' ? MS.filter1m : scale === '10m' ? MS.filter10m : null;
					add(figure(`filter change (province, year) → repainted (${scale})`, 'ms', r.samples, target, { on: 'p95', detail: r.byPage }));
				}
				if (wantHeap) {
					add(figure('peak JS heap, page main thread (10m)', 'MB', [r.peakHeap.main / 2 ** 20], 1536));
					if (r.peakHeap.worker != null) add(figure('peak JS heap, DuckDB worker (10m)', 'MB', [r.peakHeap.worker / 2 ** 20], null));
					if (r.duckdbBytes != null) add(figure('DuckDB memory in use after the pages, wasm (10m)', 'MB', [r.duckdbBytes / 2 ** 20], null));
				}
			} finally {
				await close();
			}
		}
		const consoleScale = scales.includes('1m') ? '1m' : scales[scales.length - 1];
		if (groups.has('console') && scale === consoleScale) {
			log(`[${scale}] console queries: wasm in Chromium…`);
			const repeat = quick ? 3 : 5;
			const { context, close } = await launchBench();
			let wasm: Awaited<ReturnType<typeof wasmTimes>>;
			try {
				const page = await context.newPage();
				await page.goto(`${server.base}/`);
				wasm = await wasmTimes(page, repeat);
			} finally {
				await close();
			}
			log(`[${scale}] console queries: native, 1 thread and ${allThreads()} threads…`);
			const n1 = await nativeTimes(site.dataDir, 1, repeat);
			const nAll = await nativeTimes(site.dataDir, allThreads(), repeat);
			for (const q of Object.keys(wasm.times)) {
				if (wasm.rows[q] !== n1.rows[q]) log(`! ${q}: ${wasm.rows[q]} rows in WASM, ${n1.rows[q]} native`);
			}
			const r1 = ratios(wasm.times, n1.times);
			const rAll = ratios(wasm.times, nAll.times);
			for (const q of Object.keys(wasm.times)) {
				add(figure(`console "${q}" in WASM (${scale})`, 'ms', wasm.times[q], null, { detail: { native1: n1.times[q], nativeAll: nAll.times[q] } }));
			}
			add(figure(`console WASM / native threads=1, median of 5 queries (${scale})`, 'ratio', [r1.median], 1.5, { detail: r1.per }));
			add(figure(`console WASM / native threads=${allThreads()}, median of 5 (${scale})`, 'ratio', [rAll.median], null, { detail: rAll.per }));
		}
	} finally {
		await server.stop();
	}
}

mkdirSync('.bench', { recursive: true });
writeFileSync(
	values.out!,
	JSON.stringify(
		{ at: new Date().toISOString(), seconds: (Date.now() - started) / 1000, cores: availableParallelism(), load: { start: loadAtStart, end: loadavg()[0] }, quick, scales, runs, figures },
		null,
		2
	) + '\n'
);
const failed = figures.filter((f) => verdict(f) === 'FAIL');
log(`\n${figures.length} figures → ${values.out}; ${failed.length ? `${failed.length} missed their target by more than 20 %` : 'none missed its target by more than 20 %'}`);
process.exit(failed.length ? 1 : 0);
