/**
 * Uploads through the loader into real DuckDB-WASM (Node) loaded with the default
 * data: every value that arrives is compared with truth.ts, and a file that fails
 * leaves every table exactly as it was.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataDir } from '../../scripts/lib/open-data';
import type { Db } from '../../src/lib/db/types';
import { toRows } from '../../src/lib/db/rows';
import { DATASETS } from '../../src/lib/data/schema';
import { computeScorecard, resolveUnit } from '../../src/lib/kpi/scorecard';
import { autoMapping, type Lookups, type Target } from '../../src/lib/upload/normalise';
import { loadLookups, runUpload, type UploadResult } from '../../src/lib/upload/pipeline';
import type { RawSheet } from '../../src/lib/upload/cells';
import { readSheets } from '../../src/lib/upload/sheets';
import { BUDGET, OCOP, OCOP_SUMMARY, STARTUPS, ST_FIRMS, ocopInForce } from '../fixtures/spreadsheets/truth';
import { fixtureBytes } from './fixtures';

let db: Db;
let lookups: Lookups;

beforeAll(async () => {
	({ db } = await openDataDir('data'));
	lookups = await loadLookups(db);
});
afterAll(async () => db?.close());

const spec = (name: string) => DATASETS.find((d) => d.name === name)!;

async function upload(
	file: string,
	target: Target,
	opts: { apply?: boolean; sheet?: number; bytes?: Uint8Array; commit?: () => Promise<void> } = {}
): Promise<UploadResult> {
	const read = await readSheets(opts.bytes ?? fixtureBytes(file), file);
	const sheet = read.sheets[opts.sheet ?? 0];
	return uploadSheet(file, sheet, target, opts);
}

async function uploadSheet(file: string, sheet: RawSheet, target: Target, opts: { apply?: boolean; commit?: () => Promise<void> } = {}) {
	const contract = target.kind === 'replace' ? spec(target.dataset) : null;
	const mapping = autoMapping(sheet, target, contract)!;
	return runUpload(db, { fileName: file, sheet, target, mapping, lookups }, { apply: opts.apply ?? true, commit: opts.commit });
}

/** Row count and a hash of every row, to tell whether a table changed at all. */
async function fingerprint(table: string): Promise<{ n: number; h: string }> {
	const [r] = toRows<{ n: number; h: string }>(
		await db.query(`SELECT count(*)::INTEGER AS n, md5(coalesce(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR), '')) AS h FROM ${table} t`)
	);
	return r;
}

const LIVE = ['ocop_products', 'ocop_products_units', 'datasets', 'unit_rollup'];
async function snapshot() {
	return Object.fromEntries(await Promise.all(LIVE.map(async (t) => [t, await fingerprint(t)] as const)));
}

async function leftovers(): Promise<string[]> {
	return toRows<{ name: string }>(await db.query(`SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE 'upl_%'`)).map((r) => r.name);
}

/** Fields of one CSV line of the data-min fixture (quotes only around commas). */
const fields = (line: string) => [...line.matchAll(/"([^"]*)"|([^,]*)/g)].filter((m, i, all) => m.index === 0 || line[m.index - 1] === ',').map((m) => m[1] ?? m[2]);

const rows = async <T>(sql: string) => toRows<T>(await db.query(sql));
const ocop22 = async () => {
	const unit = (await resolveUnit(db, '22@2025'))!;
	const card = await computeScorecard(db, { unit, year: 2026 });
	const get = (ind: string, vintage: string) => card.rows.find((r) => r.indicator === ind && r.unit_code === '22' && r.unit_vintage === vintage);
	return { oc01: get('OC01', '2025'), oc01old: get('OC01', '2024'), oc04: get('OC04', '2025') };
};

describe('all or nothing', () => {
	it('a broken file is reported row by row and changes no table', async () => {
		const before = await snapshot();
		const published = await ocop22();
		const r = await upload('ocop-loi.xlsx', { kind: 'replace', dataset: 'ocop_products' });
		expect(r.ok).toBe(false);
		expect(r.applied).toBe(false);
		expect(r.problems.map((p) => [p.row, p.column, p.code])).toEqual([
			[3, 'stars', 'not_integer'],
			[4, 'province_code', 'unknown_province'],
			[5, 'decision_date', 'not_date'],
			[6, 'certificate_id', 'duplicate_key']
		]);
		expect(r.problems[0].message_vi).toBe('Tệp ocop-loi.xlsx [Danh sách], dòng 3, cột stars: «bốn» không phải là số nguyên.');
		expect(r.problems[0].message_en).toBe('File ocop-loi.xlsx [Danh sách], row 3, column stars: “bốn” is not a whole number.');
		expect(r.problems[1].message_vi).toContain('mã tỉnh «99» không có trong danh mục');
		expect(await snapshot()).toEqual(before);
		expect((await ocop22()).oc01?.actual).toBe(published.oc01?.actual);
		expect(await leftovers()).toEqual([]);
	});

	it('a file whose only fault is a reference is rolled back after the swap', async () => {
		const before = await snapshot();
		const read = await readSheets(fixtureBytes('so-khcn-quang-ninh-ocop-2026.xlsx'), 'x.xlsx');
		const sheet = read.sheets[0];
		// Row 14 (record 8): a province code that does not exist, as a number cell.
		sheet.rows[13][8] = 99;
		const r = await uploadSheet('x.xlsx', sheet, { kind: 'replace', dataset: 'ocop_products' });
		expect(r.ok).toBe(false);
		expect(r.problems.map((p) => [p.row, p.column, p.code])).toEqual([[14, 'province_code', 'unknown_province']]);
		expect(await snapshot()).toEqual(before);
	});

	it('a failure while storing the upload rolls the swap back', async () => {
		const before = await snapshot();
		await expect(
			upload('so-khcn-quang-ninh-ocop-2026.xlsx', { kind: 'replace', dataset: 'ocop_products' }, {
				commit: async () => {
					throw new Error('disk full');
				}
			})
		).rejects.toThrow('disk full');
		expect(await snapshot()).toEqual(before);
		expect(await leftovers()).toEqual([]);
	});

	it('checking a valid file changes nothing either', async () => {
		const before = await snapshot();
		const r = await upload('so-khcn-quang-ninh-ocop-2026.xlsx', { kind: 'replace', dataset: 'ocop_products' }, { apply: false });
		expect(r.ok).toBe(true);
		expect(r.applied).toBe(false);
		expect(r.rows).toBe(24);
		expect(await snapshot()).toEqual(before);
	});
});

describe('replacing ocop_products with the Sở KH&CN list', () => {
	it('stores every value of every row', async () => {
		const r = await upload('so-khcn-quang-ninh-ocop-2026.xlsx', { kind: 'replace', dataset: 'ocop_products' });
		expect(r.problems).toEqual([]);
		expect(r.applied).toBe(true);
		const got = await rows(`SELECT * FROM ocop_products ORDER BY certificate_id`);
		const want = [...OCOP].sort((a, b) => a.certificate_id.localeCompare(b.certificate_id));
		expect(got).toEqual(want);
		const types = await rows<{ column_name: string; data_type: string }>(
			`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'ocop_products' ORDER BY ordinal_position`
		);
		expect(types.map((t) => t.column_name)).toEqual(spec('ocop_products').columns.map((c) => c.name));
		expect(types.find((t) => t.column_name === 'stars')?.data_type).toBe('INTEGER');
		expect(types.find((t) => t.column_name === 'decision_date')?.data_type).toBe('DATE');
	});

	it('the scorecard follows: Quảng Ninh OCOP 3★+ in force is counted from the list', async () => {
		// Hand count (truth.ts): 20 products, 24 certificates; at 31/10/2026 three have
		// expired (SP-005, SP-006 on 18/4/2026) or been revoked (SP-012) → 17.
		expect(ocopInForce(OCOP, '22', '2026-10-31')).toBe(17);
		expect(ocopInForce(OCOP, '22', '2025-12-31')).toBe(15);
		const { oc01, oc01old, oc04 } = await ocop22();
		expect(oc01?.actual).toBe(17);
		expect(oc01?.as_of).toBe('2026-10-31');
		expect(oc01old?.actual).toBe(15);
		expect(oc04?.actual).toBe(1);
		expect(oc01?.actual_provenance).toBe('published');
		const [d] = await rows<{ provenance: string }>(`SELECT provenance FROM datasets WHERE dataset = 'ocop_products'`);
		expect(d.provenance).toBe('published');
	});
});

describe('other real-shaped files', () => {
	it('the summary sheet becomes a new table with typed columns', async () => {
		const r = await upload('so-khcn-quang-ninh-ocop-2026.xlsx', { kind: 'new', table: 'ocop_tong_hop' }, { sheet: 1 });
		expect(r.applied).toBe(true);
		expect(await rows(`SELECT * FROM ocop_tong_hop`)).toEqual(
			OCOP_SUMMARY.map((s) => ({
				huyen_thi_xa_thanh_pho: s.huyen,
				so_san_pham: s.so_san_pham,
				doanh_thu_trieu_dong: s.doanh_thu,
				ty_le_4_sao_tro_len: s.ty_le_4_sao,
				ngay_cap_nhat: s.ngay_cap_nhat
			}))
		);
		const types = await rows<{ data_type: string }>(
			`SELECT data_type FROM information_schema.columns WHERE table_name = 'ocop_tong_hop' ORDER BY ordinal_position`
		);
		expect(types.map((t) => t.data_type)).toEqual(['VARCHAR', 'INTEGER', 'INTEGER', 'DOUBLE', 'DATE']);
	});

	it('budget with decimal commas and Vietnamese labels', async () => {
		const r = await upload('du-toan-chi-khcn-2026.xlsx', { kind: 'replace', dataset: 'budget' });
		expect(r.problems).toEqual([]);
		expect(r.notes.find((n) => n.code === 'total_row')?.rows).toEqual([13]);
		expect(await rows(`SELECT * FROM budget ORDER BY province_code, quarter, source DESC, category DESC`)).toEqual(
			[...BUDGET].sort((a, b) => a.province_code.localeCompare(b.province_code) || a.quarter - b.quarter || b.source.localeCompare(a.source) || b.category.localeCompare(a.category))
		);
	});

	it('startups from a Windows-1258, semicolon-separated CSV', async () => {
		const r = await upload('khoi-nghiep-da-nang-1258.csv', { kind: 'replace', dataset: 'startups' });
		expect(r.problems).toEqual([]);
		expect(await rows(`SELECT * FROM startups ORDER BY project_id`)).toEqual(STARTUPS);
	});

	it('S&T firms from Excel “Unicode Text” (UTF-16, tabs)', async () => {
		const r = await upload('doanh-nghiep-khcn-khanh-hoa-unicode.txt', { kind: 'replace', dataset: 'st_firms' });
		expect(r.problems).toEqual([]);
		expect(await rows(`SELECT * FROM st_firms ORDER BY certificate_id`)).toEqual(
			[...ST_FIRMS].sort((a, b) => a.certificate_id.localeCompare(b.certificate_id))
		);
	});

	it('IP titles from JSON', async () => {
		const r = await upload('van-bang-shtt.json', { kind: 'replace', dataset: 'ip_titles' });
		expect(r.problems).toEqual([]);
		expect(await rows(`SELECT * FROM ip_titles ORDER BY ip_id`)).toEqual([
			{ ip_id: 'QN-SHTT-2024-01', province_code: '22', ip_type: 'certification_mark', name: 'Chả mực Hạ Long', owner: 'Hội Chả mực Hạ Long', filing_date: '2024-02-15', grant_date: '2025-01-20', provenance: 'published' },
			{ ip_id: 'QN-SHTT-2025-01', province_code: '22', ip_type: 'geographical_indication', name: 'Ba kích Quảng Ninh', owner: 'UBND tỉnh Quảng Ninh', filing_date: '2025-03-03', grant_date: null, provenance: 'published' }
		]);
	});

	it('a typed Parquet file keeps its values (no Vietnamese re-reading of stored numbers)', async () => {
		const bytes = new Uint8Array(readFileSync(path.resolve(__dirname, '../fixtures/parquet/ocop_products.parquet')));
		const r = await upload('ocop_products.parquet', { kind: 'replace', dataset: 'ocop_products' }, { bytes });
		expect(r.problems).toEqual([]);
		const csv = readFileSync(path.resolve(__dirname, '../fixtures/data-min/ocop_products.csv'), 'utf8').trim().split('\n');
		const header = csv[0].split(',');
		const expected = csv
			.slice(1)
			.map((line) => Object.fromEntries(fields(line).map((v, i) => [header[i], v === '' ? null : header[i] === 'stars' ? Number(v) : v])))
			.sort((a, b) => String(a.certificate_id).localeCompare(String(b.certificate_id)));
		expect(await rows(`SELECT * FROM ocop_products ORDER BY certificate_id`)).toEqual(expected);
	});
});
