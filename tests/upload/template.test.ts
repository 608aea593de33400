/**
 * Templates (src/lib/upload/template.ts): Vietnamese headers and a "Hướng dẫn" sheet
 * from schema.ts, and a filled template loads with no mapping at all.
 */
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataDir } from '../../scripts/lib/open-data';
import type { Db } from '../../src/lib/db/types';
import { toRows } from '../../src/lib/db/rows';
import { DATASETS, type DatasetSpec } from '../../src/lib/data/schema';
import { templateLabel } from '../../src/lib/upload/headers';
import { autoMapping, type Target } from '../../src/lib/upload/normalise';
import { loadLookups, runUpload } from '../../src/lib/upload/pipeline';
import { readSheets } from '../../src/lib/upload/sheets';
import { DATA_SHEET, GUIDE_SHEET, templateCsv, templateXlsx } from '../../src/lib/upload/template';

let db: Db;
beforeAll(async () => {
	({ db } = await openDataDir('data'));
});
afterAll(async () => db?.close());

const spec = (name: string) => DATASETS.find((d) => d.name === name)!;

describe('templates', () => {
	it('every template reads back with every column mapped and nothing else', async () => {
		for (const s of DATASETS) {
			for (const [file, bytes] of [['t.xlsx', templateXlsx(s)], ['t.csv', templateCsv(s)]] as const) {
				const read = await readSheets(bytes, file);
				const target: Target = { kind: 'replace', dataset: s.name };
				const m = autoMapping(read.sheets[0], target, s);
				expect(m?.header, `${s.name} ${file}`).toEqual({ row: 0, span: 1 });
				expect(m?.columns, `${s.name} ${file}`).toEqual(s.columns.map((c) => c.name));
			}
		}
	});

	it('the CSV is UTF-8 with a byte-order mark and Vietnamese headers', () => {
		const bytes = templateCsv(spec('ocop_products'));
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const header = new TextDecoder().decode(bytes.slice(3)).trim();
		expect(header.split(',').slice(0, 4)).toEqual(['Mã giấy chứng nhận', 'Mã sản phẩm', 'Tên sản phẩm', 'Nhóm sản phẩm']);
		expect(header).toContain('Số sao');
		expect(header).toContain('Ngày quyết định');
	});

	it('the XLSX has a “Hướng dẫn” sheet describing every column', () => {
		const wb = XLSX.read(templateXlsx(spec('ocop_products')), { type: 'array' });
		expect(wb.SheetNames).toEqual([DATA_SHEET, GUIDE_SHEET]);
		const guide = XLSX.utils.sheet_to_json<(string | null)[]>(wb.Sheets[GUIDE_SHEET], { header: 1, defval: null });
		const head = guide.findIndex((r) => r[0] === 'Cột');
		expect(guide[head]).toEqual(['Cột', 'Mã cột', 'Mô tả', 'Description', 'Kiểu', 'Bắt buộc', 'Giá trị cho phép', 'Ràng buộc', 'Ví dụ cách ghi']);
		const rows = guide.slice(head + 1);
		expect(rows.map((r) => r[1])).toEqual(spec('ocop_products').columns.map((c) => c.name));
		const stars = rows.find((r) => r[1] === 'stars')!;
		expect(stars.slice(0, 6)).toEqual(['Số sao', 'stars', 'Số sao (3–5)', 'Stars (3–5)', 'Số nguyên', 'Có']);
		expect(stars[7]).toBe('≥ 3; ≤ 5');
		const group = rows.find((r) => r[1] === 'product_group')!;
		expect(group[6]).toBe('food (Thực phẩm); beverage (Đồ uống); herbal (Thảo dược); textile (Vải và may mặc); handicraft (Lưu niệm - nội thất - trang trí); tourism (Dịch vụ du lịch cộng đồng và điểm du lịch)');
		const province = rows.find((r) => r[1] === 'province_code')!;
		expect(province[7]).toContain('Mã tỉnh còn hiệu lực tại ngày của bản ghi');
	});
});

/** Rows of the published table, as the typed values a person would type in. */
async function published(table: string, order: string, n: number) {
	return toRows<Record<string, string | number | boolean | null>>(await db.query(`SELECT * FROM ${table} ORDER BY ${order} LIMIT ${n}`));
}

async function load(file: string, bytes: Uint8Array, s: DatasetSpec) {
	const read = await readSheets(bytes, file);
	const target: Target = { kind: 'replace', dataset: s.name };
	const mapping = autoMapping(read.sheets[0], target, s)!;
	// No mapping effort: every column found, nothing to fill in.
	expect(mapping.columns).toEqual(s.columns.map((c) => c.name));
	expect(mapping.constants).toEqual({});
	return runUpload(db, { fileName: file, sheet: read.sheets[0], target, mapping, lookups: await loadLookups(db) }, { apply: true });
}

describe('a filled template', () => {
	it('XLSX: typed cells as Excel stores them load as they are', async () => {
		const s = spec('ocop_products');
		const rows = await published('ocop_products', 'certificate_id', 40);
		const wb = XLSX.read(templateXlsx(s), { type: 'array' });
		const ws = wb.Sheets[DATA_SHEET];
		const [y, m, d] = [0, 1, 2];
		XLSX.utils.sheet_add_aoa(
			ws,
			rows.map((r) =>
				s.columns.map((c) => {
					const v = r[c.name];
					if (v === null) return null;
					if (c.type === 'date') {
						const p = String(v).split('-').map(Number);
						return new Date(Date.UTC(p[y], p[m] - 1, p[d]));
					}
					return v;
				})
			),
			{ origin: 'A2', cellDates: true }
		);
		const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
		const r = await load('mau-ocop_products.xlsx', bytes, s);
		expect(r.problems).toEqual([]);
		expect(r.applied).toBe(true);
		expect(toRows(await db.query(`SELECT * FROM ocop_products ORDER BY certificate_id`))).toEqual(rows);
	});

	it('CSV: Vietnamese dates and decimal commas, saved as UTF-8 with BOM', async () => {
		const s = spec('budget');
		const rows = await published('budget', 'province_code, year, quarter, source, category', 60);
		const header = new TextDecoder().decode(templateCsv(s)).replace(/^\uFEFF/, '').trim();
		expect(header.split(',')).toEqual(s.columns.map((c) => templateLabel('budget', c.name)));
		const vi = (v: number) => String(v).replace('.', ',');
		const lines = rows.map((r) =>
			s.columns.map((c) => (c.type === 'number' ? `"${vi(r[c.name] as number)}"` : String(r[c.name]))).join(',')
		);
		const bytes = new TextEncoder().encode(`\uFEFF${header}\r\n${lines.join('\r\n')}\r\n`);
		const r = await load('mau-budget.csv', bytes, s);
		expect(r.problems).toEqual([]);
		expect(toRows(await db.query(`SELECT * FROM budget ORDER BY province_code, year, quarter, source, category`))).toEqual(rows);
	});
});
