/**
 * Every example query runs on the default data (Node DuckDB-WASM, the browser's SQL)
 * and returns rows. Where a published figure exists the example must reproduce it;
 * otherwise its numbers are recomputed here in plain TypeScript from the raw rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { toRows } from '../../src/lib/db/rows';
import { openDataDir } from '../../scripts/lib/open-data';
import { AS_OF_SQL, EXAMPLES, exampleSql } from '../../src/lib/query/examples';

let db: Db;
beforeAll(async () => {
	({ db } = await openDataDir('data'));
});
afterAll(async () => db?.close());

const example = (id: string) => EXAMPLES.find((e) => e.id === id)!;
const run = async <T = Record<string, unknown>>(sql: string) => toRows<T>(await db.query(sql));
const onDate = (id: string, date: string) => {
	const sql = exampleSql(example(id), 'vi');
	expect(sql).toContain(AS_OF_SQL);
	return sql.replace(AS_OF_SQL, `DATE '${date}'`);
};

describe('example queries', () => {
	it('cover the six domains', () => {
		expect(new Set(EXAMPLES.map((e) => e.domain))).toEqual(new Set(['ocop', 'startups', 'budget', 'st_tasks', 'ip', 'st_firms']));
	});

	it.each(EXAMPLES.flatMap((e) => (['vi', 'en'] as const).map((lang) => [e.id, lang] as const)))('%s (%s) returns rows', async (id, lang) => {
		const rows = await run(exampleSql(example(id), lang));
		expect(rows.length).toBeGreaterThan(0);
	});

	it('OCOP: Quảng Ninh on 31/12/2023 = 256 three-star, 86 four-star, 4 five-star (published, 346)', async () => {
		const rows = await run<{ province: string; stars: number; products: number }>(onDate('ocop-in-force', '2023-12-31'));
		const qn = rows.filter((r) => r.province === 'Quảng Ninh');
		expect(qn.map((r) => [r.stars, r.products])).toEqual([
			[3, 256],
			[4, 86],
			[5, 4]
		]);
	});

	it('OCOP: Thái Bình on 30/6/2025 has 194 products of 3★ or more (published, target 150)', async () => {
		const rows = await run<{ province: string; products: number }>(onDate('ocop-in-force', '2025-06-30'));
		expect(rows.filter((r) => r.province === 'Thái Bình').reduce((s, r) => s + r.products, 0)).toBe(194);
	});

	it('IP by type: counts equal a count of the raw rows', async () => {
		const raw = await run<{ ip_type: string; filing_date: string; grant_date: string | null }>('SELECT ip_type, filing_date, grant_date FROM ip_titles');
		const rows = await run<{ filing_year: number; ip_type: string; filings: number; granted: number }>(exampleSql(example('ip-by-type'), 'en'));
		expect(rows.reduce((s, r) => s + r.filings, 0)).toBe(raw.length);
		for (const r of rows) {
			const mine = raw.filter((x) => x.ip_type === r.ip_type && Number(x.filing_date.slice(0, 4)) === r.filing_year);
			expect(r.filings).toBe(mine.length);
			expect(r.granted).toBe(mine.filter((x) => x.grant_date !== null).length);
		}
	});

	it('overdue tasks: the same tasks as a filter of the raw rows on 31/10/2026', async () => {
		const at = '2026-10-31';
		const raw = await run<{ task_id: string; start_date: string; planned_end_date: string; accepted_date: string | null; cancelled_date: string | null }>(
			'SELECT task_id, start_date, planned_end_date, accepted_date, cancelled_date FROM st_tasks'
		);
		const expected = raw
			.filter((t) => t.start_date <= at && (!t.accepted_date || t.accepted_date > at) && (!t.cancelled_date || t.cancelled_date > at) && t.planned_end_date < at)
			.map((t) => t.task_id)
			.sort();
		const rows = await run<{ task_id: string; days_overdue: number; planned_end_date: string }>(exampleSql(example('overdue-tasks'), 'vi'));
		expect(rows.map((r) => r.task_id).sort()).toEqual(expected);
		const first = rows[0];
		expect(first.days_overdue).toBe(Math.round((Date.parse(at) - Date.parse(first.planned_end_date)) / 86_400_000));
	});

	it('budget: each quarter’s state allocation and disbursement equal sums of the raw lines', async () => {
		const raw = await run<{ province_code: string; year: number; quarter: number; source: string; allocated_bn: number; disbursed_bn: number }>(
			'SELECT province_code, year, quarter, source, allocated_bn, disbursed_bn FROM budget'
		);
		const rows = await run<{ province: string; year: number; quarter: number; allocated_bn: number; disbursed_bn: number; disbursed_pct: number }>(
			exampleSql(example('budget-by-quarter'), 'vi')
		);
		// Thái Bình (34) 2023-Q2: only old-unit lines exist for that date.
		const lines = raw.filter((b) => b.province_code === '34' && b.year === 2023 && b.quarter === 2 && b.source !== 'non_state');
		const alloc = lines.reduce((s, b) => s + b.allocated_bn, 0);
		const disb = lines.reduce((s, b) => s + b.disbursed_bn, 0);
		const r = rows.find((x) => x.province === 'Thái Bình' && x.year === 2023 && x.quarter === 2)!;
		expect(r.allocated_bn).toBeCloseTo(alloc, 3);
		expect(r.disbursed_bn).toBeCloseTo(disb, 3);
		expect(r.disbursed_pct).toBeCloseTo(Math.round((1000 * disb) / alloc) / 10, 1);
	});

	it('startups: cohorts add up to all supported projects', async () => {
		const total = (await run<{ n: number }>('SELECT count(*) AS n FROM startups'))[0].n;
		const rows = await run<{ projects: number; firms_founded: number }>(exampleSql(example('startup-pipeline'), 'vi'));
		expect(rows.reduce((s, r) => s + r.projects, 0)).toBe(total);
		expect(rows.every((r) => r.firms_founded <= r.projects)).toBe(true);
	});

	it('S&T firms in force: equal a filter of the raw certificates (no firm double-counted)', async () => {
		const at = '2026-10-31';
		const raw = await run<{ certificate_date: string; revoked_date: string | null }>('SELECT certificate_date, revoked_date FROM st_firms');
		const inForce = raw.filter((f) => f.certificate_date <= at && (!f.revoked_date || f.revoked_date > at)).length;
		const rows = await run<{ firms: number }>(exampleSql(example('st-firms-in-force'), 'vi'));
		// After 1/7/2025 each certificate counts for exactly one new province.
		expect(rows.reduce((s, r) => s + r.firms, 0)).toBe(inForce);
	});
});
