/**
 * The batched reads of readSeriesBatch (one statement for every record-based series,
 * one for every observation-based one) against the one-series statements they replace,
 * on the real default data: every indicator × unit, several plans and as-of dates, must
 * give the same rows. Plus the rewrite of a definition's aggregates that the batch uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { toRows } from '../../src/lib/db/rows';
import { openDataDir } from '../../scripts/lib/open-data';
import { preparedFor } from '../../src/lib/kpi/prepare';
import {
	continues,
	groupsPeriodSql,
	observationBatchSql,
	observationSeriesSql,
	recordSeriesBatchSql,
	recordSeriesSql,
	splitAggregates,
	type IndicatorRow,
	type SeriesRequest,
	type UnitRow
} from '../../src/lib/kpi/series';
import { dataAsOf } from '../../src/lib/kpi/scorecard';
import { RECORD_INDICATORS } from '../../src/lib/kpi/sql/record-indicators';
import { aggAggregate } from '../../src/lib/kpi/sql/preagg';
import { packedRows } from '../../src/lib/kpi/sql/grid';
import { breakdownParts, breakdownSql, readBreakdown, readingPeriod } from '../../src/lib/kpi/indicator';

let db: Db;
let asOf: string;
let units: UnitRow[];
let indicators: IndicatorRow[];

beforeAll(async () => {
	({ db } = await openDataDir('data'));
	asOf = await dataAsOf(db);
	// The provinces of the data in both systems, the country, some of their districts and
	// two provinces without records (their zeros and observations must match too).
	units = toRows<UnitRow>(
		await db.query(`
SELECT code, vintage, level, name_vi, name_en, parent_code, valid_from, valid_to, successor_code FROM units
WHERE code IN ('VN', '22', '33', '34', '48', '49', '56', '58', '01', '79')
   OR code IN (SELECT min(code) FROM units WHERE level = 'district' AND parent_code IN ('22', '34', '48') GROUP BY parent_code)
ORDER BY vintage, code`)
	);
	indicators = toRows<IndicatorRow>(await db.query(`SELECT * FROM indicators ORDER BY code`));
}, 120_000);
afterAll(async () => db?.close());

type Row = Record<string, unknown> & { batch_index: number };

const close = (a: unknown, b: unknown) =>
	a === b ||
	(typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

/** Rows of each series by one statement each, keyed `index|tag|year`. */
async function oneByOne(sqls: (string | null)[], columns: string): Promise<Map<string, Row>> {
	const out = new Map<string, Row>();
	for (const [i, sql] of sqls.entries()) {
		if (!sql) continue;
		for (const r of toRows<Row>(await db.query(`SELECT ${i} AS batch_index, ${columns} FROM (${sql})`))) out.set(`${i}|${r.tag ?? ''}|${r.year}`, r);
	}
	return out;
}

async function batchRows(sql: string | null): Promise<Map<string, Row>> {
	const out = new Map<string, Row>();
	if (!sql) return out;
	for (const r of toRows<Row>(await db.query(sql))) out.set(`${r.batch_index}|${r.tag ?? ''}|${r.year}`, r);
	return out;
}

function expectSameRows(batch: Map<string, Row>, single: Map<string, Row>, label: (key: string) => string): number {
	expect(batch.size).toBe(single.size);
	let nonZero = 0;
	for (const [key, r] of single) {
		const b = batch.get(key);
		expect(b, label(key)).toBeDefined();
		for (const [col, v] of Object.entries(r)) if (!close(b![col], v)) throw new Error(`${label(key)} ${col}: batch ${JSON.stringify(b)} ≠ one by one ${JSON.stringify(r)}`);
		if (typeof r.value === 'number' && r.value !== 0) nonZero++;
	}
	return nonZero;
}

/** Every unit × indicator, with plans and as-of dates on and off the cut dates (groups and records). */
function requests(unit: UnitRow): SeriesRequest[] {
	return indicators.flatMap((indicator) => [
		{ indicator, unit, fromYear: 2019, toYear: 2026, asOf, planStart: '2021-01-01' },
		{ indicator, unit, fromYear: 2024, toYear: 2026, asOf, planStart: '2026-01-01' },
		{ indicator, unit, fromYear: 2022, toYear: 2025, asOf: '2025-05-16', planStart: '2021-03-01' }
	]);
}

describe('readSeriesBatch statements = one statement per series', () => {
	it('record-based series: the same value, parts, as-of and record count, groups and records alike', async () => {
		const cuts = preparedFor(db)!.cuts;
		let compared = 0;
		let nonZero = 0;
		let withGroups = 0;
		for (const unit of units) {
			const reqs = requests(unit);
			const conts = await Promise.all(reqs.map((r) => continues(db, r.unit)));
			const single = reqs.map((r, k) => (r.indicator.source_table === 'observations' ? null : recordSeriesSql(r, conts[k], cuts)));
			withGroups += single.filter((s) => s?.includes('_agg')).length;
			const batch = recordSeriesBatchSql(reqs, conts, cuts);
			if (single.every((s) => s === null)) {
				expect(batch).toBeNull();
				continue;
			}
			expect(batch).not.toBeNull();
			const a = await batchRows(batch);
			const b = await oneByOne(
				single,
				'year, tag, as_of, value::DOUBLE AS value, numerator::DOUBLE AS numerator, denominator::DOUBLE AS denominator, n_records::BIGINT AS n_records'
			);
			nonZero += expectSameRows(a, b, (key) => `${unit.code}@${unit.vintage} ${reqs[Number(key.split('|')[0])].indicator.code} ${key}`);
			compared += b.size;
		}
		// Thousands of points, many not zero, both paths: the comparison is not vacuous.
		expect(compared).toBeGreaterThan(5_000);
		expect(nonZero).toBeGreaterThan(2_000);
		expect(withGroups).toBeGreaterThan(300);
	}, 300_000);

	it('observation-based series: the same value, parts, as-of, sources and provenance', async () => {
		let compared = 0;
		let nonNull = 0;
		for (const unit of units) {
			const reqs = requests(unit);
			const items = reqs.map((req, index) => ({ index, req }));
			const a = await batchRows(observationBatchSql(items));
			const b = await oneByOne(
				reqs.map((r) => observationSeriesSql(r)),
				'year, value::DOUBLE AS value, numerator::DOUBLE AS numerator, denominator::DOUBLE AS denominator, as_of, sources, prov_rank'
			);
			expectSameRows(a, b, (key) => `${unit.code}@${unit.vintage} ${reqs[Number(key.split('|')[0])].indicator.code} ${key}`);
			compared += b.size;
			nonNull += [...b.values()].filter((r) => r.value != null).length;
		}
		expect(compared).toBeGreaterThan(1_000);
		expect(nonNull).toBeGreaterThan(600);
	}, 300_000);
});

describe('aggregates of a definition, split for the batch', () => {
	it('every record definition can be split (else its series would be read one by one)', () => {
		for (const [code, def] of Object.entries(RECORD_INDICATORS))
			for (const expr of [def.value, def.numerator, def.denominator].filter((e): e is string => !!e)) {
				expect(splitAggregates(expr), code).not.toBeNull();
				expect(splitAggregates(aggAggregate(expr)), code).not.toBeNull();
			}
	});

	it('keeps FILTER conditions with parentheses and quotes, and the expression around the calls', () => {
		expect(splitAggregates(`count(DISTINCT r.producer_id) FILTER (WHERE r.producer_type IN ('cooperative', 'enterprise'))`)).toEqual({
			template: '{0}',
			calls: [{ fn: 'count', distinct: true, arg: 'r.producer_id', filter: `r.producer_type IN ('cooperative', 'enterprise')` }]
		});
		expect(splitAggregates('coalesce(sum(r.n) FILTER (WHERE r.applied), 0)::BIGINT')).toEqual({
			template: 'coalesce({0}, 0)::BIGINT',
			calls: [{ fn: 'sum', distinct: false, arg: 'r.n', filter: 'r.applied' }]
		});
	});

	it('refuses what it does not understand', () => {
		expect(splitAggregates('avg(r.capital_raised_bn)')).toBeNull();
		expect(splitAggregates('sum(r.a) + max(r.b)')).toBeNull();
		expect(splitAggregates('count(*)')).toBeNull();
	});
});

describe('packed rows', () => {
	it('reads back what it was given, and falls back to VALUES for a separator or a quote', async () => {
		const cols: [string, 'INTEGER' | 'VARCHAR' | 'DATE'][] = [['i', 'INTEGER'], ['s', 'VARCHAR'], ['d', 'DATE']];
		const rows: (string | number)[][] = [[1, 'a', '2024-01-31'], [2, '', '2025-06-30']];
		const read = async (sql: string) => toRows(await db.query(`SELECT * FROM (${sql}) ORDER BY i`));
		expect(await read(packedRows(cols, rows))).toEqual([{ i: 1, s: 'a', d: '2024-01-31' }, { i: 2, s: '', d: '2025-06-30' }]);
		const odd: (string | number)[][] = [[1, "Hà Nội|'s;x", '2024-01-31']];
		expect(packedRows(cols, odd)).toContain('VALUES');
		expect(await read(packedRows(cols, odd))).toEqual([{ i: 1, s: "Hà Nội|'s;x", d: '2024-01-31' }]);
		expect(await read(packedRows(cols, []))).toEqual([]);
	});
});

describe('breakdown of a merged province read from the groups', () => {
	it('gives the parts, the total and the unassigned records that the records give', async () => {
		const cuts = preparedFor(db)!.cuts;
		const merged = units.filter((u) => u.vintage === '2025' && ['33', '48', '56'].includes(u.code));
		expect(merged).toHaveLength(3);
		let viaGroups = 0;
		let nonZero = 0;
		for (const unit of merged) {
			const split = (await breakdownParts(db, unit))!;
			expect(split.basis).toBe('province');
			for (const indicator of indicators.filter((i) => RECORD_INDICATORS[i.code]))
				for (const year of [2021, 2023, 2024, 2025, 2026])
					for (const planStart of ['2021-01-01', `${year}-01-01`]) {
						const req = { indicator, unit, year, asOf, planStart };
						const period = await readingPeriod(db, req);
						if (!period) continue;
						if (!groupsPeriodSql(indicator, [unit, ...split.parts], period, planStart, cuts)) continue;
						viaGroups++;
						const b = await readBreakdown(db, req);
						// The records' rows, as breakdownSql gives them.
						const def = RECORD_INDICATORS[indicator.code];
						const rows = toRows<{ part: string | null; is_total: number; value: number | null; numerator: number | null; denominator: number | null }>(
							await db.query(breakdownSql(def, unit, split.parts, period, planStart))
						);
						const label = `${indicator.code} ${unit.code} ${year} ${planStart}`;
						const total = rows.find((r) => r.is_total === 1)!;
						expect([b.total?.value, b.total?.numerator ?? null, b.total?.denominator ?? null], label).toEqual([
							def.value ? total.value : b.total?.value,
							total.numerator,
							total.denominator
						]);
						for (const p of b.parts) {
							const r = rows.find((x) => x.is_total === 0 && x.part === p.code);
							expect([p.numerator, p.denominator], `${label} ${p.code}`).toEqual([r?.numerator ?? null, r?.denominator ?? null]);
							if (def.value) expect(p.value, `${label} ${p.code}`).toBe(r?.value ?? 0);
						}
						const rest = rows.find((x) => x.is_total === 0 && x.part === null);
						expect(b.unassigned?.numerator ?? null, label).toBe(rest && b.unassigned ? rest.numerator : null);
						if (def.value) expect(b.unassigned?.value ?? null, label).toBe(rest?.value ? rest.value : null);
						if ((b.total?.value ?? 0) !== 0) nonZero++;
					}
		}
		expect(viaGroups).toBeGreaterThan(200);
		expect(nonZero).toBeGreaterThan(100);
	}, 300_000);
});
