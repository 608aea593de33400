/**
 * The pre-aggregated path (sql/preagg.ts) against the record path, on the real default
 * data: every record indicator of the pre-aggregated tables, for every unit, every year
 * 2019–2026 and both plans, read as the scorecard reads it — the groups must give the
 * very numbers the records give. Plus the rule that decides when the groups may be used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { toRows } from '../../src/lib/db/rows';
import { openDataDir } from '../../scripts/lib/open-data';
import { preparedFor } from '../../src/lib/kpi/prepare';
import { continues, recordSeriesSql, type IndicatorRow, type SeriesRequest, type UnitRow } from '../../src/lib/kpi/series';
import { dataAsOf } from '../../src/lib/kpi/scorecard';
import { RECORD_INDICATORS } from '../../src/lib/kpi/sql/record-indicators';
import { AGG_TABLES, aggAggregate, cutDates, gridOnCuts } from '../../src/lib/kpi/sql/preagg';

let db: Db;
let asOf: string;
let units: UnitRow[];
let indicators: IndicatorRow[];

beforeAll(async () => {
	({ db } = await openDataDir('data'));
	asOf = await dataAsOf(db);
	units = toRows<UnitRow>(
		await db.query(`SELECT code, vintage, level, name_vi, name_en, parent_code, valid_from, valid_to, successor_code FROM units WHERE level <> 'country' ORDER BY vintage, code`)
	);
	indicators = toRows<IndicatorRow>(await db.query(`SELECT * FROM indicators ORDER BY code`));
}, 120_000);
afterAll(async () => db?.close());

type Row = { i: number; year: number; tag: string; as_of: string; value: number | null; numerator: number | null; denominator: number | null; n_records: number };

/** All units' series of one indicator and plan, by one path, as rows keyed by unit index. */
async function rowsOf(sqls: string[]): Promise<Map<string, Row>> {
	const union = sqls
		.map((sql, i) => `SELECT ${i} AS i, year, tag, as_of, value::DOUBLE AS value, numerator::DOUBLE AS numerator, denominator::DOUBLE AS denominator, n_records::BIGINT AS n_records FROM (${sql})`)
		.join('\nUNION ALL\n');
	const rows = toRows<Row>(await db.query(union));
	return new Map(rows.map((r) => [`${r.i}|${r.tag}|${r.year}`, r]));
}

const close = (a: number | null, b: number | null) =>
	a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

describe('pre-aggregated groups = records', () => {
	it('the default data gets cut dates and groups for every big record table', () => {
		const p = preparedFor(db)!;
		expect(p.cuts.has(asOf)).toBe(true);
		expect(p.cuts.has('2025-06-30') && p.cuts.has('2025-06-29')).toBe(true);
	});

	it('every indicator × unit × year × plan gives the same value, parts and record count', async () => {
		const cuts = preparedFor(db)!.cuts;
		const codes = indicators.filter((i) => {
			const def = RECORD_INDICATORS[i.code];
			return def && AGG_TABLES[def.table] && def.source === def.table;
		});
		// Startups, S&T firms, tasks and IP titles: 17 indicators of the catalogue.
		expect(codes.length).toBeGreaterThanOrEqual(15);
		let compared = 0;
		let nonZero = 0;
		for (const ind of codes) {
			const table = RECORD_INDICATORS[ind.code].table;
			// Units with records of this table, and two without (their zero counts must match too).
			const withRecords = new Set(
				toRows<{ k: string }>(await db.query(`SELECT DISTINCT unit_code || '@' || unit_vintage AS k FROM ${table}_units`)).map((r) => r.k)
			);
			const some = [...units.filter((u) => withRecords.has(`${u.code}@${u.vintage}`)), ...units.filter((u) => !withRecords.has(`${u.code}@${u.vintage}`)).slice(0, 2)];
			// Only cumulative definitions read the plan's start.
			for (const plan of ind.kind === 'cumulative' ? ['2021-01-01', '2026-01-01'] : ['2021-01-01']) {
				const reqs: SeriesRequest[] = some.map((unit) => ({ indicator: ind, unit, fromYear: 2019, toYear: 2026, asOf, planStart: plan }));
				const conts = await Promise.all(reqs.map((r) => continues(db, r.unit)));
				const grouped = reqs.map((r, k) => recordSeriesSql(r, conts[k], cuts)!);
				const records = reqs.map((r, k) => recordSeriesSql(r, conts[k])!);
				// The groups were really used, and the records really not.
				expect(grouped.every((s) => s.includes('_agg'))).toBe(true);
				expect(records.some((s) => s.includes('_agg'))).toBe(false);
				const a = await rowsOf(grouped);
				const b = await rowsOf(records);
				expect(a.size).toBe(b.size);
				for (const [key, r] of b) {
					const g = a.get(key);
					const same = g && close(g.value, r.value) && close(g.numerator, r.numerator) && close(g.denominator, r.denominator) && g.n_records === r.n_records && g.as_of === r.as_of;
					if (!same) throw new Error(`${ind.code} ${plan} ${some[r.i].code}@${some[r.i].vintage} ${key}: groups ${JSON.stringify(g)} ≠ records ${JSON.stringify(r)}`);
					compared++;
					if ((r.value ?? r.denominator ?? 0) !== 0) nonZero++;
				}
			}
		}
		// Thousands of points, most of them not zero: the comparison is not vacuous.
		expect(compared).toBeGreaterThan(5_000);
		expect(nonZero).toBeGreaterThan(1_000);
	}, 300_000);

	it('OCOP series read from the prepared copy of ocop_seq equal those read from the view', async () => {
		const cuts = preparedFor(db)!.cuts;
		const some = units.filter((u) => ['22', '33', '34', '56', '58', '202', '205'].includes(u.code));
		let nonZero = 0;
		for (const ind of indicators.filter((i) => /^OC(0\d|10)$/.test(i.code))) {
			const reqs: SeriesRequest[] = some.map((unit) => ({ indicator: ind, unit, fromYear: 2019, toYear: 2026, asOf, planStart: '2021-01-01' }));
			const conts = await Promise.all(reqs.map((r) => continues(db, r.unit)));
			const copy = reqs.map((r, k) => recordSeriesSql(r, conts[k], cuts)!);
			const view = reqs.map((r, k) => recordSeriesSql(r, conts[k])!);
			expect(copy.every((s) => s.includes('ocop_seq_table'))).toBe(true);
			expect(view.some((s) => s.includes('ocop_seq_table'))).toBe(false);
			const a = await rowsOf(copy);
			const b = await rowsOf(view);
			expect([...a.entries()]).toEqual([...b.entries()]);
			nonZero += [...b.values()].filter((r) => (r.value ?? r.denominator ?? 0) > 0).length;
		}
		expect(nonZero).toBeGreaterThan(100);
	}, 120_000);

	it('groups are used only when every grid date is a cut: a mid-year as-of date goes to the records', async () => {
		const cuts = preparedFor(db)!.cuts;
		const ind = indicators.find((i) => i.code === 'DN02')!;
		const unit = units.find((u) => u.code === '48' && u.vintage === '2025')!;
		const on = recordSeriesSql({ indicator: ind, unit, fromYear: 2024, toYear: 2026, asOf, planStart: '2026-01-01' }, false, cuts)!;
		const off = recordSeriesSql({ indicator: ind, unit, fromYear: 2024, toYear: 2026, asOf: '2026-05-17', planStart: '2026-01-01' }, false, cuts)!;
		expect(on).toContain('st_firms_agg');
		expect(off).not.toContain('_agg');
		// A plan starting mid-year is not on the cuts either.
		expect(gridOnCuts(cuts, ['2026-03-01'])).toBe(false);
	});

	it('cut dates hold each boundary and the day before it (x < D needs D − 1)', () => {
		const cuts = new Set(cutDates('2026-10-31', ['2025-06-30']));
		for (const d of ['2026-10-31', '2026-10-30', '2025-10-31', '2025-10-30', '2025-06-30', '2025-06-29', '2024-06-30', '2024-06-29', '2024-12-31', '2024-12-30', '2025-01-01'])
			expect(cuts.has(d), d).toBe(true);
		expect(cuts.has('2026-05-17')).toBe(false);
	});

	it('counts of key columns become sums of the group sizes, with count’s 0 for no rows', () => {
		expect(aggAggregate('count(r.task_id) FILTER (WHERE r.applied) AS numerator, count(r.task_id) AS denominator')).toBe(
			'coalesce(sum(r.n) FILTER (WHERE r.applied), 0)::BIGINT AS numerator, coalesce(sum(r.n), 0)::BIGINT AS denominator'
		);
		expect(aggAggregate('coalesce(sum(r.capital_raised_bn), 0)')).toBe('coalesce(sum(r.capital_raised_bn), 0)');
	});
});
