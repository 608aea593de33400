/**
 * Start-up with the build's prepared tables (kpi/derived.ts, kpi/start.ts,
 * db/deferred.ts) against the full path (every dataset loaded, prepareKpiTables run):
 * on the real default data every unit's scorecard is the same, the big record tables
 * stay unloaded until a statement names them, and then they and their `_units` equal
 * the full path's. Prepared tables made for other data or by other SQL are refused.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/lib/data/build';
import { openNodeDb } from '../../src/lib/db/node';
import { toRows } from '../../src/lib/db/rows';
import type { Db } from '../../src/lib/db/types';
import type { DeferredDb } from '../../src/lib/db/deferred';
import type { FetchLike } from '../../src/lib/db/load-static';
import { fsFetch, openBuiltData, openBuiltDataLean } from '../../scripts/lib/open-data';
import { computeScorecard, dataAsOf, listUnits } from '../../src/lib/kpi/scorecard';
import { DERIVED_FILE, exportDerived, type DerivedManifest } from '../../src/lib/kpi/derived';
import { DEFERRABLE, preparedFor, preparedTables } from '../../src/lib/kpi/prepare';
import { applyStart, planStart } from '../../src/lib/kpi/start';

let dir: string;
let full: Db;
let lean: DeferredDb;
let derived: DerivedManifest;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/**
 * Sums of DOUBLE columns (capital raised) come out in scan order, which differs between
 * a table built in place and the same table loaded from Arrow: 66.72 vs 66.72000000000001.
 * Compare numbers to 12 significant digits; everything else exactly.
 */
const rounded = (v: unknown): unknown =>
	typeof v === 'number' && !Number.isInteger(v)
		? Number(v.toPrecision(12))
		: Array.isArray(v)
			? v.map(rounded)
			: v && typeof v === 'object'
				? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]))
				: v;
const count = async (db: Db, sql: string) => toRows<{ n: number }>(await db.query(sql))[0].n;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tiendo-start-'));
	const built = await buildData({ dataDir: 'data', outDir: join(dir, 'data') });
	expect(built.ok).toBe(true);
	const opened = await openBuiltData(join(dir, 'data'));
	full = opened.db;
	const out = await exportDerived(full, opened.manifest, sha);
	derived = out.derived;
	for (const [name, bytes] of out.files) writeFileSync(join(dir, 'data', name), bytes);
	writeFileSync(join(dir, 'data', DERIVED_FILE), JSON.stringify(derived));
	const started = await applyStart(await openNodeDb(), await planStart(join(dir, 'data'), fsFetch));
	expect(started.prepared).toBe(true);
	lean = started.db as DeferredDb;
}, 180_000);
afterAll(async () => {
	await full?.close();
	await lean?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('start-up with the build’s prepared tables', () => {
	it('defers exactly the big record tables and adopts the prepared state', () => {
		expect(lean.pending().sort()).toEqual([...DEFERRABLE].sort());
		expect([...preparedFor(lean)!.cuts].sort()).toEqual([...preparedFor(full)!.cuts].sort());
		expect([...preparedFor(lean)!.continuing].sort()).toEqual([...preparedFor(full)!.continuing].sort());
	});

	it('lists a deferred table with its real columns before it loads (the console’s schema)', async () => {
		const cols = (db: Db) =>
			db.query(`SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'st_firms' ORDER BY column_index`).then((t) => toRows(t));
		expect(await cols(lean)).toEqual(await cols(full));
		// Named only inside a string literal: a catalogue lookup needs no rows.
		expect(lean.pending()).toContain('st_firms');
	});

	it('gives every unit the same scorecard as the full path, without loading startups, st_tasks or ip_titles', async () => {
		const asOf = await dataAsOf(full);
		const year = Number(asOf.slice(0, 4));
		const units = await listUnits(full);
		expect(units.length).toBeGreaterThan(5);
		for (const unit of units) {
			for (const y of [year, year - 1]) {
				const a = await computeScorecard(full, { unit, year: y, asOf });
				const b = await computeScorecard(lean, { unit, year: y, asOf });
				expect(rounded(b), `${unit.code}@${unit.vintage} ${y}`).toEqual(rounded(a));
			}
		}
		expect(lean.pending().sort()).toEqual([...DEFERRABLE].sort());
	}, 300_000);

	it('loads a table, and its _units, the first time a statement names it', async () => {
		expect(lean.pending()).toContain('startups');
		expect(await count(lean, 'SELECT count(*) AS n FROM startups_units')).toBe(await count(full, 'SELECT count(*) AS n FROM startups_units'));
		expect(lean.pending()).not.toContain('startups');
		const rows = (db: Db) => db.query('SELECT * FROM startups ORDER BY project_id').then((t) => toRows(t));
		expect(await rows(lean)).toEqual(await rows(full));
	});

	it('loads everything before a transaction, so a rollback cannot undo a load', async () => {
		expect(lean.pending().length).toBeGreaterThan(0);
		await lean.query('BEGIN TRANSACTION');
		await lean.query('ROLLBACK');
		expect(lean.pending()).toEqual([]);
		for (const t of DEFERRABLE) {
			expect(await count(lean, `SELECT count(*) AS n FROM ${t}`), t).toBe(await count(full, `SELECT count(*) AS n FROM ${t}`));
		}
	});

	it('prepares the same tables when the build releases each record table after use (openBuiltDataLean)', async () => {
		const { db: built } = await openBuiltDataLean(join(dir, 'data'));
		try {
			expect(built.pending().sort()).toEqual([...DEFERRABLE].sort());
			for (const t of preparedTables()) {
				const rows = (db: Db) => db.query(`SELECT * FROM ${t} ORDER BY ALL`).then((x) => rounded(toRows(x)));
				expect(await rows(built), t).toEqual(await rows(full));
			}
			expect([...preparedFor(built)!.cuts]).toEqual([...preparedFor(full)!.cuts]);
		} finally {
			await built.close();
		}
	}, 120_000);

	it('refuses prepared tables made from other data or by other SQL', async () => {
		const serve = (override: Partial<DerivedManifest>): FetchLike => async (url, init) => {
			if (!url.includes(DERIVED_FILE)) return fsFetch(url, init);
			const body = { ...derived, ...override };
			return { ok: true, status: 200, json: async () => body, arrayBuffer: async () => new ArrayBuffer(0) };
		};
		const otherData = await planStart(join(dir, 'data'), serve({ inputs: { ...derived.inputs, startups: '0'.repeat(64) } }));
		expect(otherData.derived).toBeNull();
		expect(otherData.datasets.every((d) => d !== null)).toBe(true);
		expect((await planStart(join(dir, 'data'), serve({ fingerprint: 'deadbeef' }))).derived).toBeNull();
		const missing: FetchLike = async (url, init) =>
			url.includes(DERIVED_FILE) ? { ok: false, status: 404, json: async () => null, arrayBuffer: async () => new ArrayBuffer(0) } : fsFetch(url, init);
		const plan = await planStart(join(dir, 'data'), missing);
		expect(plan.derived).toBeNull();
		const db = await openNodeDb();
		try {
			expect((await applyStart(db, plan)).prepared).toBe(false);
		} finally {
			await db.close();
		}
	});
});
