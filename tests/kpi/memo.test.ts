/**
 * Answers cached per data generation (src/lib/kpi/memo.ts): read once while the data
 * stays, never reused once prepareKpiTables has run again on replaced data — then the
 * figures follow the new data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { toRows } from '../../src/lib/db/rows';
import { openDataDir } from '../../scripts/lib/open-data';
import { prepareKpiTables, preparedFor } from '../../src/lib/kpi/prepare';
import { perData } from '../../src/lib/kpi/memo';
import { computeScorecard, dataAsOf, resolveUnit } from '../../src/lib/kpi/scorecard';
import { predecessorsOf, readBreakdown, readRecords } from '../../src/lib/kpi/indicator';
import type { IndicatorRow, UnitRow } from '../../src/lib/kpi/series';

let db: Db;

beforeAll(async () => {
	({ db } = await openDataDir('data'));
}, 120_000);
afterAll(async () => db?.close());

const oc01 = async (unit: UnitRow, year: number) => {
	const card = await computeScorecard(db, { unit, year });
	return card.rows.find((r) => r.indicator === 'OC01' && r.unit_code === unit.code && r.unit_vintage === unit.vintage)!;
};

describe('perData', () => {
	it('computes once per generation and key; a failure is not kept', async () => {
		let runs = 0;
		const count = () => perData(db, 'test|count', async () => ++runs);
		expect(await count()).toBe(1);
		expect(await count()).toBe(1);
		let fail = true;
		const flaky = () =>
			perData(db, 'test|flaky', async () => {
				if (fail) throw new Error('no');
				return 'ok';
			});
		await expect(flaky()).rejects.toThrow('no');
		fail = false;
		expect(await flaky()).toBe('ok');
	});

	it('computes every time when prepareKpiTables has not run on the database', async () => {
		const bare = { query: db.query.bind(db) } as unknown as Db;
		expect(preparedFor(bare)).toBeUndefined();
		let runs = 0;
		await perData(bare, 'k', async () => ++runs);
		await perData(bare, 'k', async () => ++runs);
		expect(runs).toBe(2);
	});
});

describe('caches follow the data through prepareKpiTables', () => {
	it('the scorecard reads its targets, provenance, published checks and as-of date again after the data is replaced', async () => {
		const tb = (await resolveUnit(db, '34@2024'))!;
		const before = await oc01(tb, 2025);
		// Published: Thái Bình OCOP 3★+ = 194 at 2025-06-30 against target 150.
		expect(before.actual).toBe(194);
		expect(before.target_min).toBe(150);
		expect(before.published_check?.value).toBe(194);
		const asOf = await dataAsOf(db);
		const provenance = before.actual_provenance;

		// Replace the data the cached answers came from.
		await db.query(`UPDATE targets SET target_min = 190 WHERE indicator = 'OC01' AND unit_code = '34' AND unit_vintage = '2024' AND target_min = 150`);
		await db.query(`UPDATE datasets SET provenance = 'published' WHERE dataset = 'ocop_products'`);
		await db.query(`UPDATE datasets SET provenance = 'calibrated' WHERE dataset <> 'ocop_products'`);
		await db.query(`DELETE FROM published_figures WHERE indicator = 'OC01' AND unit_code = '34'`);
		await db.query(`UPDATE datasets SET as_of = DATE '2026-12-31' WHERE as_of = (SELECT max(as_of) FROM datasets)`);
		// Without prepareKpiTables the generation is the same: the cached answers stand
		// (this is what makes the cache a cache; an upload always runs prepareKpiTables).
		expect((await oc01(tb, 2025)).target_min).toBe(150);
		expect(await dataAsOf(db)).toBe(asOf);

		await prepareKpiTables(db);
		const after = await oc01(tb, 2025);
		expect(after.target_min).toBe(190);
		expect(after.actual_provenance).toBe('published');
		expect(provenance).not.toBe('published');
		expect(after.published_check).toBeNull();
		expect(await dataAsOf(db)).toBe('2026-12-31');
		expect((await computeScorecard(db, { unit: tb, year: 2025 })).as_of).toBe('2026-12-31');
	}, 120_000);

	it('the catalogue and the units are read again too', async () => {
		const hy = (await resolveUnit(db, '33@2025'))!;
		expect((await predecessorsOf(db, hy)).map((u) => u.code).sort()).toEqual(['33', '34']);
		expect((await oc01(hy, 2026)).name_vi).not.toBe('Sản phẩm OCOP (thử)');
		await db.query(`UPDATE indicators SET name_vi = 'Sản phẩm OCOP (thử)' WHERE code = 'OC01'`);
		await db.query(`UPDATE units SET name_vi = 'Thái Bình (thử)' WHERE code = '34' AND vintage = '2024'`);
		await prepareKpiTables(db);
		expect((await oc01(hy, 2026)).name_vi).toBe('Sản phẩm OCOP (thử)');
		expect((await predecessorsOf(db, hy)).find((u) => u.code === '34')!.name_vi).toBe('Thái Bình (thử)');
	}, 120_000);

	it('the indicator page\'s reading period follows replaced records', async () => {
		const tb = (await resolveUnit(db, '34@2024'))!;
		const [indicator] = toRows<IndicatorRow>(await db.query(`SELECT * FROM indicators WHERE code = 'OC01'`));
		const req = { indicator, unit: tb, year: 2025, asOf: await dataAsOf(db), planStart: '2021-01-01' };
		const first = await readRecords(db, req);
		expect(first.value).toBe(first.period!.value);
		const before = first.value!;
		// One certificate in force at the period's end leaves the data.
		const id = (first.rows[0] as { certificate_id: string }).certificate_id;
		await db.query(`DELETE FROM ocop_products WHERE certificate_id = '${id}'`);
		await prepareKpiTables(db);
		const [records, breakdown] = await Promise.all([readRecords(db, req), readBreakdown(db, req)]);
		expect(records.period!.value).toBe(before - 1);
		expect(records.value).toBe(before - 1);
		expect(records.rows.length).toBe(first.rows.length - 1);
		expect(breakdown.total?.value).toBe(before - 1);
	}, 120_000);
});
