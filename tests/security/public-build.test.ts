/**
 * The public site holds none of the internal data. `scripts/build-public.ts` builds it
 * (data, prebaked first screen, `vite build`) into a temporary folder; every byte of the
 * result (HTML, JS, CSS, JSON, Arrow, fonts, and .gz/.br decompressed) is searched for
 * values that only the internal datasets (budget, st_tasks) hold:
 * - every S&T task id, every task title;
 * - every budget line's and task's amount as Arrow stores it (float64 bytes, when it has 4+
 *   significant digits: 0.5 is in any binary) and, with 5+ digits, as text: raw "10.241",
 *   vi "10,241";
 * - every figure the internal first screen computes from those datasets (prebaked.json).
 * Control: the same search over the internal build (the same data built the normal way,
 * plus build/ when it exists) must find them, so a broken search cannot pass.
 *
 * Slow: a full `vite build` (about a minute on two cores).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/lib/data/build';
import { openNodeDb } from '../../src/lib/db/node';
import { toRows } from '../../src/lib/db/rows';
import { formatNumber } from '../../src/lib/i18n/format';
import type { Manifest } from '../../src/lib/data/manifest';
import type { Prebaked } from '../../src/lib/kpi/prebaked';
import { bucketsOf, float64Needle, scanBytes, scanDir, textNeedle, type Needle, type ScanResult } from './leak-scan';

const tmp = mkdtempSync(join(tmpdir(), 'tiendo-leak-'));
const internalData = join(tmp, 'internal');
const site = join(tmp, 'site');
const publicStatic = join(tmp, 'static');
const kit = join('.public', `kit-test-${process.pid}`);
let needles: Needle[] = [];
let publicScan: ScanResult;
let controlScan: ScanResult;
let buildSeconds = 0;
let droppedAsEngineConstants = 0;

/** Significant digits of a decimal text: "10.241" → 5, "0.5" → 1. */
const significant = (s: string) => s.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;

function amountNeedles(category: string, label: string, v: number): Needle[] {
	const raw = String(v);
	// 0.5 or 1.15 as a double is in any binary (DuckDB's wasm has both): only amounts with
	// 4+ significant digits are distinctive enough to count as evidence.
	const out = significant(raw) >= 4 ? [float64Needle(category, `${label} (float64)`, v)] : [];
	if (significant(raw) >= 5) {
		const decimals = (raw.split('.')[1] ?? '').length;
		for (const text of new Set([raw, formatNumber('vi', v, decimals), formatNumber('en', v, decimals)]))
			out.push(textNeedle(category, `${label} as "${text}"`, text, true));
	}
	return out;
}

beforeAll(async () => {
	// The internal build of the same data: the control, and where the needles come from.
	const built = await buildData({ dataDir: 'data', outDir: internalData });
	expect(built.ok).toBe(true);
	const prebake = spawnSync('npx', ['tsx', 'scripts/prebake.ts', '--out', internalData], { encoding: 'utf8' });
	expect(prebake.status, prebake.stderr).toBe(0);

	const db = await openNodeDb();
	const manifest = JSON.parse(readFileSync(join(internalData, 'manifest.json'), 'utf8')) as Manifest;
	for (const d of manifest.datasets) await db.insertArrowIPC(d.name, new Uint8Array(readFileSync(join(internalData, d.file))), { replace: true });
	const tasks = toRows<{ task_id: string; title: string; budget_bn: number | null }>(await db.query('SELECT task_id, title, budget_bn FROM st_tasks'));
	const budget = toRows<{ province_code: string; year: number; quarter: number; source: string; category: string; allocated_bn: number | null; disbursed_bn: number | null }>(
		await db.query('SELECT * FROM budget')
	);
	const internalIndicators = new Set(
		toRows<{ code: string }>(await db.query(`SELECT code FROM indicators WHERE source_table IN ('budget', 'st_tasks')`)).map((r) => r.code)
	);
	// Values that also occur in a public dataset are not evidence of a leak: leave them out.
	const publicDoubles = new Set(
		toRows<{ v: number }>(
			await db.query(`SELECT DISTINCT value AS v FROM observations WHERE value IS NOT NULL UNION SELECT DISTINCT numerator FROM observations WHERE numerator IS NOT NULL
			 UNION SELECT DISTINCT denominator FROM observations WHERE denominator IS NOT NULL UNION SELECT DISTINCT value FROM published_figures WHERE value IS NOT NULL
			 UNION SELECT DISTINCT baseline_value FROM targets WHERE baseline_value IS NOT NULL UNION SELECT DISTINCT target_min FROM targets UNION SELECT DISTINCT target_max FROM targets WHERE target_max IS NOT NULL`)
		).map((r) => Number(r.v))
	);
	await db.close();

	for (const t of tasks) {
		needles.push(textNeedle('task ids', `st_tasks.task_id ${t.task_id}`, t.task_id));
		if (t.budget_bn != null && !publicDoubles.has(t.budget_bn)) needles.push(...amountNeedles('task amounts', `st_tasks ${t.task_id} budget_bn`, t.budget_bn));
	}
	for (const title of new Set(tasks.map((t) => t.title))) needles.push(textNeedle('task titles', `st_tasks.title ${title}`, title));
	for (const b of budget) {
		const id = `${b.province_code}/${b.year}Q${b.quarter}/${b.source}/${b.category}`;
		for (const [col, v] of [['allocated_bn', b.allocated_bn], ['disbursed_bn', b.disbursed_bn]] as const)
			if (v != null && v !== 0 && !publicDoubles.has(v)) needles.push(...amountNeedles('budget amounts', `budget ${id} ${col}`, v));
	}
	// What the internal first screen computes from them.
	const prebaked = JSON.parse(readFileSync(join(internalData, 'prebaked.json'), 'utf8')) as Prebaked;
	const figures = new Set<number>();
	for (const sc of Object.values(prebaked.scorecards))
		for (const r of sc.rows)
			if (internalIndicators.has(r.indicator)) for (const v of [r.actual, ...r.series.map((s) => s.value)]) if (v != null && significant(String(v)) >= 6 && !publicDoubles.has(v)) figures.add(v);
	for (const v of figures) needles.push(textNeedle('first-screen figures', `prebaked ${v}`, JSON.stringify(v), true));

	// A double that DuckDB's own engine happens to contain (a constant of its code) is no
	// evidence: the engine ships in every build. Those needles are dropped, and counted.
	const engine = ['duckdb-eh.wasm', 'duckdb-mvp.wasm'].map((f) => join('node_modules/@duckdb/duckdb-wasm/dist', f));
	const inEngine = new Set<Needle>();
	for (const f of engine) {
		const hits: import('./leak-scan').Hit[] = [];
		scanBytes(new Uint8Array(readFileSync(f)), f, bucketsOf(needles), hits);
		for (const h of hits) inEngine.add(h.needle);
	}
	droppedAsEngineConstants = inEngine.size;
	needles = needles.filter((n) => !inEngine.has(n));

	// The public site.
	const t0 = performance.now();
	// SvelteKit's work folder must sit inside the project: its server chunks import packages from node_modules.
	const r = spawnSync('npx', ['tsx', 'scripts/build-public.ts', '--out', site, '--static', publicStatic, '--kit', kit], { encoding: 'utf8' });
	buildSeconds = (performance.now() - t0) / 1000;
	expect(r.status, r.stdout + r.stderr).toBe(0);

	publicScan = scanDir(site, needles);
	controlScan = scanDir(internalData, needles);
	if (existsSync('build/index.html')) {
		const b = scanDir('build', needles);
		controlScan = { files: controlScan.files + b.files, bytes: controlScan.bytes + b.bytes, hits: [...controlScan.hits, ...b.hits] };
	}
	const cats = [...new Set(needles.map((n) => n.category))].map((c) => `${c}: ${needles.filter((n) => n.category === c).length}`);
	console.log(
		`public build ${buildSeconds.toFixed(0)} s; ${needles.length} needles (${cats.join(', ')}; ${droppedAsEngineConstants} doubles dropped: DuckDB's wasm holds them); ` +
			`public site ${publicScan.files} files, ${publicScan.bytes} bytes searched, ${publicScan.hits.length} hits; ` +
			`internal control ${controlScan.files} files, ${controlScan.bytes} bytes, ${new Set(controlScan.hits.map((h) => h.needle)).size} needles found`
	);
}, 900_000);

afterAll(() => {
	rmSync(tmp, { recursive: true, force: true });
	rmSync(kit, { recursive: true, force: true });
});

describe('public build', () => {
	it('contains no internal value anywhere (every file, every byte)', () => {
		expect(publicScan.files).toBeGreaterThan(20);
		// Dropping needles must stay the exception, or the search would prove little.
		expect(droppedAsEngineConstants).toBeLessThan(20);
		const shown = publicScan.hits.slice(0, 20).map((h) => `${h.needle.label} in ${h.file.replace(site, 'site')} @${h.offset}`);
		expect(shown).toEqual([]);
	});

	it('has the site itself: pages, scripts and the public data', () => {
		for (const f of ['index.html', 'query.html', 'data/manifest.json', 'data/prebaked.json', 'data/ocop_products.arrow']) expect(existsSync(join(site, f)), f).toBe(true);
		expect(existsSync(join(site, 'readme'))).toBe(false);
	});

	it('marks the internal datasets withheld, with their columns and no row', () => {
		const m = JSON.parse(readFileSync(join(site, 'data/manifest.json'), 'utf8')) as Manifest;
		const byName = new Map(m.datasets.map((d) => [d.name, d]));
		for (const n of ['budget', 'st_tasks']) expect(byName.get(n)).toMatchObject({ access: 'internal', withheld: true, rows: 0 });
		expect(byName.get('ocop_products')).toMatchObject({ access: 'public', rows: 4781 });
		expect(byName.get('st_tasks')!.columns.map((c) => c.name)).toContain('task_id');
	});

	it('shows no scorecard row computed from internal data on the first screen', () => {
		const p = JSON.parse(readFileSync(join(site, 'data/prebaked.json'), 'utf8')) as Prebaked;
		const codes = new Set(Object.values(p.scorecards).flatMap((s) => s.rows.map((r) => r.indicator)));
		expect([...codes].filter((c) => /^(NS0[1235]|NV0\d)$/.test(c))).toEqual([]);
		expect(codes.has('OC01')).toBe(true);
	});
});

describe('control: the same search finds the values in the internal build', () => {
	it.each(['task ids', 'task titles', 'budget amounts', 'task amounts', 'first-screen figures'])('%s', (category) => {
		const all = needles.filter((n) => n.category === category && !n.label.includes(' as "'));
		const found = new Set(controlScan.hits.filter((h) => h.needle.category === category).map((h) => h.needle));
		expect(all.length).toBeGreaterThan(0);
		// Every id, title and stored amount is in the internal data; every first-screen figure in its prebaked.json.
		expect(all.filter((n) => !found.has(n)).map((n) => n.label).slice(0, 5)).toEqual([]);
	});
});
