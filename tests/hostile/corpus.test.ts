/**
 * Every file of the hostile corpus (tests/fixtures/hostile, made by scripts/make-hostile.ts)
 * through both ways data comes in:
 *
 * - the build-time loader: the file replaces its dataset in a copy of data-min, and
 *   buildData must end in the expected problems (file, row, column, reason in
 *   Vietnamese and English) with the previous static output byte-identical, or in a
 *   correct build with the expected number of rows;
 * - the browser upload pipeline, run in Node on real DuckDB-WASM loaded with data-min:
 *   readSheets → autoMapping → runUpload (apply), which must end the same way with the
 *   live tables unchanged, or replace the dataset with the expected rows.
 *
 * Each within a bounded time, and the process's memory stays bounded.
 */
import { cp, mkdtemp, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { buildData } from '../../src/lib/data/build';
import { openNodeDb } from '../../src/lib/db/node';
import { toRows } from '../../src/lib/db/rows';
import type { Db } from '../../src/lib/db/types';
import type { Problem } from '../../src/lib/data/problems';
import { DATASETS } from '../../src/lib/data/schema';
import { openDataDir } from '../../scripts/lib/open-data';
import { autoMapping, type Lookups, type Target } from '../../src/lib/upload/normalise';
import { loadLookups, REPLACEABLE, runUpload } from '../../src/lib/upload/pipeline';
import { readProblem, readSheets } from '../../src/lib/upload/sheets';
import { computeScorecard, resolveUnit } from '../../src/lib/kpi/scorecard';
import type { Note } from '../../src/lib/upload/notes';
import type { Expected, HostileCase, Outcome } from '../../scripts/make-hostile';

const HOSTILE = path.resolve(__dirname, '../fixtures/hostile');
const DATA_MIN = path.resolve(__dirname, '../fixtures/data-min');
const CASES = JSON.parse(readFileSync(path.join(HOSTILE, 'cases.json'), 'utf8')) as HostileCase[];

/** Generous: the slowest file takes well under a second on a 2-core machine. */
const MAX_MS = 20_000;
/** RSS the whole suite may reach; a file that inflated a bomb would blow far past it. */
const MAX_RSS = 1.5 * 1024 ** 3;

/** Problems and blocking notes, in one shape. */
interface Finding {
	/** Problems name their file; notes belong to the sheet. */
	file?: string;
	code: string;
	row: number | null;
	rows: number[];
	column: string | null;
	severity: string;
	message_vi: string;
	message_en: string;
}

const fromProblem = (p: Problem): Finding => ({ ...p, rows: p.row === null ? [] : [p.row] });
const fromNote = (n: Note): Finding => ({ ...n, row: n.rows[0] ?? null });

function matches(f: Finding, e: Expected): boolean {
	if (f.code !== e.code) return false;
	if (e.row !== undefined && e.row !== null && !f.rows.includes(e.row)) return false;
	if (e.column !== undefined && e.column !== null && f.column !== e.column) return false;
	return true;
}

/** The outcome must be exactly what the manifest says, and every message must say where and why, in both languages. */
function assertOutcome(label: string, outcome: Outcome, ok: boolean, rows: number | null, findings: Finding[], file: string) {
	if ('skip' in outcome) return;
	const errors = findings.filter((f) => f.severity === 'error');
	const describe = () => `${label}: ${findings.map((f) => `${f.code}@${f.row}/${f.column}`).join(', ') || 'no problems'}`;
	for (const f of findings) {
		expect(f.message_vi.length, describe()).toBeGreaterThan(10);
		expect(f.message_en.length, describe()).toBeGreaterThan(10);
		expect(f.message_vi, describe()).not.toBe(f.message_en);
		if (f.code !== 'truncated' && !('label' in f)) {
			expect(f.message_vi, describe()).toContain(f.file ?? file);
			expect(f.message_en, describe()).toContain(f.file ?? file);
		}
		if (f.row !== null && f.code !== 'truncated' && !('label' in f)) expect(f.message_en, describe()).toContain(`row ${f.row}`);
		if (f.column !== null && !('label' in f)) expect(f.message_en, describe()).toContain(`column ${f.column}`);
	}
	if (outcome.ok) {
		expect(errors, describe()).toEqual([]);
		expect(ok, describe()).toBe(true);
		expect(rows, describe()).toBe(outcome.rows);
		for (const w of outcome.warnings ?? []) expect(findings.some((f) => matches(f, w)), `${describe()} — missing warning ${JSON.stringify(w)}`).toBe(true);
	} else {
		expect(ok, describe()).toBe(false);
		expect(errors.length, describe()).toBeGreaterThan(0);
		for (const e of outcome.problems) expect(findings.some((f) => matches(f, e) && f.severity === 'error'), `${describe()} — expected ${JSON.stringify(e)}`).toBe(true);
	}
}

let work: string;
let buildDb: Db;
let baseOut: string;
let baseFiles: Map<string, Buffer>;

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
	const files = new Map<string, Buffer>();
	for (const name of (await readdir(dir)).sort()) files.set(name, await readFile(path.join(dir, name)));
	return files;
}

let maxRss = 0;
const rss = () => {
	const r = process.memoryUsage().rss;
	maxRss = Math.max(maxRss, r);
	return r;
};

beforeAll(async () => {
	work = await mkdtemp(path.join(tmpdir(), 'tiendo-hostile-'));
	buildDb = await openNodeDb();
	baseOut = path.join(work, 'base', 'static', 'data');
	const r = await buildData({ dataDir: DATA_MIN, outDir: baseOut, db: buildDb });
	if (!r.ok) throw new Error('data-min does not build');
	baseFiles = await snapshot(baseOut);
});

afterAll(async () => {
	await buildDb?.close();
	if (work) await rm(work, { recursive: true, force: true });
	console.log(`hostile corpus: ${CASES.length} files; peak RSS ${(maxRss / 1024 ** 2).toFixed(0)} MB`);
});

it('the corpus has at least 60 files, each named in cases.json, covering every dataset', async () => {
	expect(CASES.length).toBeGreaterThanOrEqual(60);
	const onDisk = (await readdir(HOSTILE)).filter((n) => n !== 'cases.json').sort();
	expect(onDisk).toEqual(CASES.map((c) => c.file).sort());
	expect(new Set(CASES.map((c) => c.dataset))).toEqual(new Set(DATASETS.map((d) => d.name)));
});

describe('through the build-time loader (buildData)', () => {
	let seq = 0;
	for (const c of CASES) {
		it(`${c.file}: ${c.what}`, async () => {
			const dir = path.join(work, `build-${++seq}`);
			const data = path.join(dir, 'data');
			const out = path.join(dir, 'static', 'data');
			await cp(DATA_MIN, data, { recursive: true });
			await cp(baseOut, out, { recursive: true });
			await unlink(path.join(data, `${c.dataset}.csv`));
			const ext = c.file.split('.').pop()!;
			const name = `${c.dataset}.${ext}`;
			await writeFile(path.join(data, name), await readFile(path.join(HOSTILE, c.file)));

			const t0 = performance.now();
			const r = await buildData({ dataDir: data, outDir: out, db: buildDb });
			const ms = performance.now() - t0;
			expect(ms).toBeLessThan(MAX_MS);
			expect(rss()).toBeLessThan(MAX_RSS);

			const rows = r.manifest?.datasets.find((d) => d.name === c.dataset)?.rows ?? null;
			// Only the broken dataset's file may be named in an error — or, for a catalogue,
			// the files whose references its broken row no longer satisfies.
			const label = path.join(data, name);
			const catalogue = ['units', 'indicators', 'datasets'].includes(c.dataset);
			if (!catalogue) for (const p of r.problems.filter((x) => x.severity === 'error')) expect(p.file).toBe(label);
			assertOutcome(c.file, c.build, r.ok, rows, r.problems.map(fromProblem), label);

			const after = await snapshot(out);
			if (!r.ok) {
				expect([...after.keys()]).toEqual([...baseFiles.keys()]);
				for (const [f, bytes] of baseFiles) expect(after.get(f)!.equals(bytes), f).toBe(true);
			} else if (/html|script/.test(c.file)) {
				const table = toRows<Record<string, unknown>>(tableFromIPC(after.get(`${c.dataset}.arrow`)!));
				expect(JSON.stringify(table)).toContain('<script>window.__pwned=1</script>');
			}
			expect((await readdir(path.dirname(out))).filter((n) => n.startsWith('.'))).toEqual([]);
			await rm(dir, { recursive: true, force: true });
		});
	}
});

describe('through the upload pipeline (readSheets → runUpload), on live data-min', () => {
	let db: Db;
	let lookups: Lookups;
	let published: number | null;

	/** Row count and a hash of every row, to tell whether a table changed at all. */
	async function fingerprint(table: string): Promise<string> {
		const [r] = toRows<{ n: number; h: string }>(
			await db.query(`SELECT count(*)::INTEGER AS n, md5(coalesce(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR), '')) AS h FROM ${table} t`)
		);
		return `${r.n}:${r.h}`;
	}
	const LIVE = [...REPLACEABLE.map((d) => d.name), 'datasets', 'ocop_products_units', 'unit_rollup'];
	const live = async () => Object.fromEntries(await Promise.all(LIVE.map(async (t) => [t, await fingerprint(t)] as const)));
	let before: Record<string, string>;

	async function oc01(): Promise<number | null> {
		const unit = (await resolveUnit(db, '34@2024'))!;
		const card = await computeScorecard(db, { unit, year: 2025 });
		return card.rows.find((r) => r.indicator === 'OC01' && r.unit_code === '34')?.actual ?? null;
	}

	beforeAll(async () => {
		({ db } = await openDataDir(DATA_MIN));
		lookups = await loadLookups(db);
		for (const t of [...REPLACEABLE.map((d) => d.name), 'datasets']) await db.query(`CREATE TABLE keep_${t} AS SELECT * FROM ${t}`);
		before = await live();
		published = await oc01();
		expect(published).not.toBeNull();
	});
	afterAll(async () => {
		// The scorecard number is the published one after every file went through.
		expect(await oc01()).toBe(published);
		await db?.close();
	});

	for (const c of CASES) {
		const skip = 'skip' in c.upload;
		it.skipIf(skip)(`${c.file}: ${c.what}`, async () => {
			const bytes = new Uint8Array(await readFile(path.join(HOSTILE, c.file)));
			const t0 = performance.now();
			const read = await readSheets(bytes, c.file);
			const fileProblem = readProblem(read, c.file);
			let ok = false;
			let rows: number | null = null;
			let findings: Finding[] = [];
			let label = c.file;
			if (fileProblem) findings = [fromProblem(fileProblem)];
			else {
				const target: Target = { kind: 'replace', dataset: c.dataset };
				const spec = DATASETS.find((d) => d.name === c.dataset)!;
				const sheet = read.sheets.find((s) => s.name?.trim().toLowerCase() === c.dataset) ?? read.sheets[0];
				expect(sheet, 'a readable file has a sheet').toBeDefined();
				const mapping = autoMapping(sheet, target, spec);
				if (!mapping) {
					// The page says "no header row matches this dataset" (upload.noHeader) and offers no check.
					findings = [{ code: sheet.rows.length ? 'no_header' : 'no_rows', row: null, rows: [], column: null, severity: 'error', message_vi: 'Không tìm thấy dòng tiêu đề', message_en: 'No header row found' }];
				} else {
					const r = await runUpload(db, { fileName: c.file, sheet, target, mapping, lookups }, { apply: true, prepare: false });
					label = r.label;
					ok = r.applied;
					rows = r.applied ? r.rows : null;
					findings = [...r.problems.map(fromProblem), ...r.notes.filter((n) => n.severity === 'error').map(fromNote)];
					if (r.applied) {
						// A good file replaced the table; it is put back (finally) for the next file, whatever is asserted here.
						try {
						const [{ n }] = toRows<{ n: number }>(await db.query(`SELECT count(*)::INTEGER AS n FROM ${c.dataset}`));
						expect(n).toBe('ok' in c.upload && c.upload.ok ? c.upload.rows : -1);
						if (/html|script/.test(c.file)) {
							expect(JSON.stringify(toRows(await db.query(`SELECT * FROM ${c.dataset}`)))).toContain('<script>window.__pwned=1</script>');
						}
						if (c.file === 'csv-formulas.csv') {
							const names = toRows<{ product_name: string }>(await db.query(`SELECT product_name FROM ocop_products`)).map((x) => x.product_name);
							expect(names).toContain('=HYPERLINK("http://evil.example/x","Bấm vào đây")');
						}
						} finally {
							await db.query(`CREATE OR REPLACE TABLE ${c.dataset} AS SELECT * FROM keep_${c.dataset}`);
							await db.query(`CREATE OR REPLACE TABLE datasets AS SELECT * FROM keep_datasets`);
						}
					}
				}
			}
			expect(performance.now() - t0).toBeLessThan(MAX_MS);
			expect(rss()).toBeLessThan(MAX_RSS);
			assertOutcome(c.file, c.upload, ok, rows, findings, label);
			// Nothing changed unless the file was good, and then it was put back above.
			expect(await live()).toEqual(before);
			const left = toRows<{ name: string }>(await db.query(`SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE 'upl_%'`));
			expect(left).toEqual([]);
		});
	}
});

