/**
 * The series cube (kpi/cube.ts, kpi/cube-build.ts) on the real default data: with it,
 * every scorecard of every unit and page year is the same as without it and reads no
 * record or group table; a series it does not hold is computed as before; an upload's
 * prepare drops it; a cube made by other SQL is not read. One point is checked against
 * a count written by hand over the records.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/lib/data/build';
import { toRows } from '../../src/lib/db/rows';
import type { Db } from '../../src/lib/db/types';
import type { DeferredDb } from '../../src/lib/db/deferred';
import { fsFetch, openBuiltData } from '../../scripts/lib/open-data';
import { openNodeDb } from '../../src/lib/db/node';
import { applyStart, planStart } from '../../src/lib/kpi/start';
import { computeScorecard, dataAsOf, listUnits, planStartYear } from '../../src/lib/kpi/scorecard';
import { readSeries, type IndicatorRow, type UnitRow } from '../../src/lib/kpi/series';
import { breakdownParts, planStartOf, readBreakdown } from '../../src/lib/kpi/indicator';
import { CUBE_TABLE, OBSERVATION_CUBE_TABLE, ObservationCube, SeriesCube, cubePeriods, dependsOnPlanStart } from '../../src/lib/kpi/cube';
import { buildObservationCube, buildSeriesCube, cubeFromYear } from '../../src/lib/kpi/cube-build';
import { adoptPrepared, prepareKpiTables, preparedFor, preparedState } from '../../src/lib/kpi/prepare';
import { DERIVED_FILE, cubeFingerprint, exportDerived, hasCube, type DerivedManifest } from '../../src/lib/kpi/derived';

let dir: string;
let plain: Db;
let cubed: Db;
let points = 0;
let series = 0;
const statements: string[] = [];
/**
 * The cube's sums of amounts (capital raised, budget) were added in another order than
 * a filter change would add them, so they may differ in the last binary digit, and a
 * progress computed from a difference of two such sums a little more: 10 significant digits.
 */
const rounded = (v: unknown): unknown =>
	typeof v === 'number' && !Number.isInteger(v)
		? Number(v.toPrecision(10))
		: Array.isArray(v)
			? v.map(rounded)
			: v && typeof v === 'object'
				? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]))
				: v;
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
/** Statements that aggregate records, groups or observations: what the cubes are there to spare. */
const computes = (sql: string) => /\b(startups|st_firms|st_tasks|ip_titles|ocop_products|ocop_seq|ocop_seq_table|budget|observations)(_agg|_units)?\b/.test(sql);

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tiendo-cube-'));
	const built = await buildData({ dataDir: 'data', outDir: join(dir, 'data') });
	expect(built.ok).toBe(true);
	plain = (await openBuiltData(join(dir, 'data'))).db;
	cubed = (await openBuiltData(join(dir, 'data'))).db;
	const targets = toRows<{ plan: string; baseline_year: number | null }>(await cubed.query(`SELECT DISTINCT plan, baseline_year FROM targets`));
	points = await buildSeriesCube(cubed, {
		asOf: await dataAsOf(cubed),
		fromYear: cubeFromYear(targets, YEARS[0] - 1),
		indicators: toRows<IndicatorRow>(await cubed.query(`SELECT * FROM indicators`)),
		units: await listUnits(cubed),
		planStarts: [...new Set(targets.map((t) => `${planStartYear(t.plan)}-01-01`))],
		continuing: new Set(preparedState(cubed).continuing)
	});
	const indicators = toRows<IndicatorRow>(await cubed.query(`SELECT * FROM indicators`));
	series = await buildObservationCube(cubed, { indicators, units: await listUnits(cubed) });
	await adoptPrepared(cubed, {
		...preparedState(cubed),
		cube: {
			series: new SeriesCube(await cubed.query(`SELECT * FROM ${CUBE_TABLE}`)),
			observations: new ObservationCube(await cubed.query(`SELECT * FROM ${OBSERVATION_CUBE_TABLE}`))
		}
	});
	const query = cubed.query.bind(cubed);
	cubed.query = (sql, params) => {
		statements.push(sql);
		return query(sql, params);
	};
}, 240_000);
afterAll(async () => {
	await plain?.close();
	await cubed?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('cubePeriods', () => {
	it('gives each year to the as-of date and the same period a year earlier', () => {
		const p = cubePeriods(2024, '2026-10-31', null).map((x) => `${x.start}..${x.end}`);
		expect(p).toEqual([
			'2023-01-01..2023-12-31',
			'2024-01-01..2024-12-31',
			'2025-01-01..2025-10-31',
			'2025-01-01..2025-12-31',
			'2026-01-01..2026-10-31'
		]);
	});
	it('stops at the day a unit ended', () => {
		const p = cubePeriods(2024, '2026-10-31', '2025-06-30').map((x) => `${x.start}..${x.end}`);
		expect(p).toEqual(['2023-01-01..2023-12-31', '2024-01-01..2024-06-30', '2024-01-01..2024-12-31', '2025-01-01..2025-06-30']);
	});
});

describe('the series cube', () => {
	it('keys on the plan start only for definitions counting since the plan', () => {
		expect(dependsOnPlanStart('KN01')).toBe(true);
		expect(dependsOnPlanStart('DN01')).toBe(false);
		expect(dependsOnPlanStart('OC01')).toBe(false);
	});

	it('gives every unit, for every page year, the scorecard computed without it — reading no records', async () => {
		expect(points).toBeGreaterThan(1000);
		expect(series).toBeGreaterThan(100);
		const units = await listUnits(plain);
		let rows = 0;
		for (const unit of units) {
			for (const year of YEARS) {
				statements.length = 0;
				const withCube = await computeScorecard(cubed, { unit, year });
				expect(statements.filter(computes), `${unit.code}@${unit.vintage} ${year}`).toEqual([]);
				expect(rounded(withCube)).toEqual(rounded(await computeScorecard(plain, { unit, year })));
				rows += withCube.rows.filter((r) => r.actual_origin === 'records').length;
			}
		}
		// Not a vacuous comparison: many figures come from records, hence from the cube.
		expect(rows).toBeGreaterThan(200);
	}, 240_000);

	it('gives a merged province the breakdown by old provinces computed without it', async () => {
		const units = (await listUnits(plain)).filter((u) => u.level === 'province');
		const indicators = toRows<IndicatorRow>(await plain.query(`SELECT * FROM indicators WHERE source_table <> 'observations' ORDER BY code`));
		const asOf = await dataAsOf(plain);
		let fromCube = 0;
		for (const unit of units) {
			if ((await breakdownParts(plain, unit))?.basis !== 'province') continue;
			for (const indicator of indicators) {
				for (const year of [2025, 2026]) {
					const planStart = indicator.kind === 'cumulative' ? planStartOf(year >= 2026 ? '2026-2030' : '2021-2025', year) : `${year}-01-01`;
					const req = { indicator, unit, year, asOf, planStart };
					statements.length = 0;
					const got = await readBreakdown(cubed, req);
					const key = `${indicator.code} ${unit.code}@${unit.vintage} ${year}`;
					expect(rounded(got), key).toEqual(rounded(await readBreakdown(plain, req)));
					if (!statements.some(computes)) fromCube++;
				}
			}
		}
		// Counts on the pre-aggregated tables (DN01, KN01…) come from the cube; OCOP and sums do not.
		expect(fromCube).toBeGreaterThan(20);
	}, 240_000);

	it('holds the hand-counted number of S&T firms in force (DN01) at the end of each year', async () => {
		const unit = (await listUnits(plain)).find((u) => u.code === '22' && u.vintage === '2025')!;
		const indicator = toRows<IndicatorRow>(await plain.query(`SELECT * FROM indicators WHERE code = 'DN01'`))[0];
		for (const end of ['2022-12-31', '2024-12-31', '2026-10-31']) {
			// Quảng Ninh's certificates: issued by `end`, not revoked by then; no engine SQL.
			const [{ n }] = toRows<{ n: number }>(
				await plain.query(`
SELECT count(*) AS n FROM st_firms
WHERE province_code = '22' AND certificate_date <= DATE '${end}' AND (revoked_date IS NULL OR revoked_date > DATE '${end}')`)
			);
			const [cube] = toRows<{ value: number }>(
				await cubed.query(
					`SELECT value FROM ${CUBE_TABLE} WHERE indicator = 'DN01' AND unit_code = '22' AND unit_vintage = '2025' AND p_end = '${end}'`
				)
			);
			expect(cube.value, end).toBe(n);
			const year = Number(end.slice(0, 4));
			const series = await readSeries(cubed, { indicator, unit, fromYear: year, toYear: year, asOf: '2026-10-31', planStart: `${year}-01-01` });
			expect(series.points[0].value).toBe(n);
		}
	});

	it('computes a series it does not hold, as before', async () => {
		const unit = (await listUnits(plain)).find((u) => u.code === '22' && u.vintage === '2025')! as UnitRow;
		const indicator = toRows<IndicatorRow>(await plain.query(`SELECT * FROM indicators WHERE code = 'KN01'`))[0];
		// An as-of date and a plan start the build did not compute.
		const req = { indicator, unit, fromYear: 2022, toYear: 2024, asOf: '2024-05-15', planStart: '2023-01-01' };
		statements.length = 0;
		const got = await readSeries(cubed, req);
		expect(statements.some(computes)).toBe(true);
		expect(rounded(got)).toEqual(rounded(await readSeries(plain, req)));
	});

	it('is no longer read once the tables are prepared again (after an upload)', async () => {
		const other = (await openBuiltData(join(dir, 'data'))).db;
		try {
			await adoptPrepared(other, { ...preparedState(other), cube: preparedFor(cubed)!.cube });
			expect(preparedFor(other)!.cube).not.toBeNull();
			await prepareKpiTables(other);
			expect(preparedFor(other)!.cube).toBeNull();
		} finally {
			await other.close();
		}
	});

	it('is published with the prepared tables and adopted at start-up, which then leaves every other table for first use', async () => {
		const out = join(dir, 'data');
		const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
		const { derived, files } = await exportDerived(cubed, manifest, (b) => createHash('sha256').update(b).digest('hex'));
		expect(derived.cube_fingerprint).toBe(cubeFingerprint());
		for (const [name, bytes] of files) writeFileSync(join(out, name), bytes);
		writeFileSync(join(out, DERIVED_FILE), JSON.stringify(derived));
		const started = await applyStart(await openNodeDb(), await planStart(out, fsFetch));
		try {
			expect(preparedFor(started.db)!.cube?.series.size).toBe(points);
			// Read in the page, not loaded into DuckDB.
			const [{ n }] = toRows<{ n: number }>(await started.db.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '${CUBE_TABLE}'`));
			expect(n).toBe(0);
			// The first scorecard reads the cubes and a few small tables; the rest waits for first use.
			const db = started.db as DeferredDb;
			const waiting = ['observations', 'ocop_products', 'budget', 'ocop_seq_table', 'ocop_products_units', 'budget_units', 'st_firms_agg', 'startups'];
			expect(db.pending()).toEqual(expect.arrayContaining(waiting));
			expect(db.pending()).not.toContain('targets');
			for (const unit of await listUnits(plain)) {
				for (const year of [2025, 2026]) {
					expect(rounded(await computeScorecard(db, { unit, year })), `${unit.code}@${unit.vintage}`).toEqual(rounded(await computeScorecard(plain, { unit, year })));
				}
			}
			expect(db.pending()).toEqual(expect.arrayContaining(waiting));
			// Named, they load with their rows: through the view over OCOP certificates too.
			const count = async (d: Db, sql: string) => toRows<{ n: number }>(await d.query(sql))[0].n;
			for (const sql of ['SELECT count(*) AS n FROM ocop_seq WHERE next_decision_date IS NOT NULL', 'SELECT count(*) AS n FROM observations', 'SELECT count(*) AS n FROM budget_units']) {
				const n = await count(plain, sql);
				expect(n, sql).toBeGreaterThan(0);
				expect(await count(db, sql), sql).toBe(n);
			}
			expect(db.pending()).not.toContain('ocop_products');
			// A breakdown by districts reads records: they load, and the numbers agree.
			const qn = (await listUnits(plain)).find((u) => u.code === '22' && u.vintage === '2025')!;
			const indicator = toRows<IndicatorRow>(await plain.query(`SELECT * FROM indicators WHERE code = 'OC01'`))[0];
			const req = { indicator, unit: qn, year: 2025, asOf: await dataAsOf(plain), planStart: '2025-01-01' };
			expect(rounded(await readBreakdown(db, req))).toEqual(rounded(await readBreakdown(plain, req)));
		} finally {
			await started.db.close();
		}
	});

	it('downloads a later table again when its first download failed', async () => {
		const out = join(dir, 'data');
		let failed = 0;
		const flaky: typeof fsFetch = async (url, init) => {
			if (url.includes('observations.arrow') && failed++ === 0) return { ok: false, status: 503, json: async () => null, arrayBuffer: async () => new ArrayBuffer(0) };
			return fsFetch(url, init);
		};
		const started = await applyStart(await openNodeDb(), await planStart(out, flaky));
		try {
			const sql = 'SELECT count(*) AS n FROM observations';
			const n = toRows<{ n: number }>(await plain.query(sql))[0].n;
			expect(toRows<{ n: number }>(await started.db.query(sql))[0].n).toBe(n);
			expect(failed).toBe(2);
		} finally {
			await started.db.close();
		}
	});

	it('is read only when made by this version’s statement', () => {
		const tables = [{ name: CUBE_TABLE }, { name: OBSERVATION_CUBE_TABLE }];
		const derived = { tables, cube_fingerprint: cubeFingerprint() } as unknown as DerivedManifest;
		const only = (n: number) => tables.slice(0, n) as unknown as DerivedManifest['tables'];
		expect(hasCube(derived)).toBe(true);
		expect(hasCube({ ...derived, cube_fingerprint: '00000000' })).toBe(false);
		expect(hasCube({ ...derived, cube_fingerprint: undefined })).toBe(false);
		expect(hasCube({ ...derived, tables: only(1) })).toBe(false);
	});
});
