/**
 * Real-shaped sheets → the loader's plain text (src/lib/upload/normalise.ts), pure,
 * without DuckDB: every normalisation is listed where it happened, and the values
 * are those of tests/fixtures/spreadsheets/truth.ts.
 */
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../src/lib/data/schema';
import { autoMapping, inferType, normaliseSheet, type Target } from '../../src/lib/upload/normalise';
import type { RawSheet } from '../../src/lib/upload/cells';
import { OCOP, OCOP_SUMMARY } from '../fixtures/spreadsheets/truth';
import { PROVINCES, fixtureSheets } from './fixtures';

const spec = (name: string) => DATASETS.find((d) => d.name === name)!;
const lookups = { provinces: PROVINCES };

async function normalise(file: string, target: Target, sheet = 0) {
	const read = await fixtureSheets(file);
	const s = read.sheets[sheet];
	const contract = target.kind === 'replace' ? spec(target.dataset) : null;
	const mapping = autoMapping(s, target, contract)!;
	return normaliseSheet(s, target, contract, mapping, lookups);
}

const noteOf = (n: Awaited<ReturnType<typeof normalise>>, code: string, column?: string) =>
	n.notes.find((x) => x.code === code && (column === undefined || x.column === column));

describe('Sở KH&CN list of OCOP certificates', async () => {
	const n = await normalise('so-khcn-quang-ninh-ocop-2026.xlsx', { kind: 'replace', dataset: 'ocop_products' });

	it('finds the two-row header under the 3-row title block and maps every column', () => {
		expect(n.mapping.header).toEqual({ row: 3, span: 2 });
		expect(noteOf(n, 'header')!.rows).toEqual([4, 5]);
		expect(noteOf(n, 'header')!.message_vi).toBe('Dòng tiêu đề của bảng: dòng 4–5; đã bỏ 3 dòng phía trên (tên báo cáo, đơn vị, ngày lập).');
		expect(n.mapping.columns).toEqual([
			null, // STT
			'certificate_id',
			'product_id',
			'product_name',
			'product_group',
			'producer_id', // Chủ thể › Mã
			'producer_name', // Chủ thể › Tên
			'producer_type', // Chủ thể › Loại hình
			'province_code',
			'district_code',
			'stars',
			'decision_no', // Quyết định công nhận › Số
			'decision_date', // Quyết định công nhận › Ngày
			'revoked_date',
			null // Ghi chú
		]);
		expect(n.labels.decision_date).toBe('Quyết định công nhận › Ngày');
	});

	it('drops the column-number row, blank rows, the total and the signatures, and says where', () => {
		expect(noteOf(n, 'column_numbers')!.rows).toEqual([6]);
		expect(noteOf(n, 'blank_rows')!.rows).toEqual([15, 23]);
		expect(noteOf(n, 'total_row')!.rows).toEqual([33]);
		expect(noteOf(n, 'total_row')!.message_vi).toBe('Đã bỏ dòng Tổng cộng (dòng 33): dòng tổng không phải là một bản ghi.');
		expect(noteOf(n, 'footer_rows')!.rows).toEqual([35, 36, 38]);
		expect(noteOf(n, 'merged_cells')!.rows).toEqual([8, 9, 10, 11, 12]);
		expect(noteOf(n, 'ordinal_column')!.label).toBe('STT');
		expect(noteOf(n, 'unmatched_column')!.label).toBe('Ghi chú');
		expect(n.rows).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32]);
	});

	it('reads every value as truth.ts has it', () => {
		const rows = n.rows.map((_, i) => Object.fromEntries(n.columns.map((c, k) => [c, n.values[k][i]])));
		const expected = OCOP.map((r) =>
			Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v)]))
		);
		expect(rows).toEqual(expected);
	});

	it('lists each kind of change with its rows and an example', () => {
		expect(noteOf(n, 'province_name', 'province_code')!.count).toBe(18);
		expect(noteOf(n, 'value_label', 'product_group')!.count).toBe(24);
		expect(noteOf(n, 'suffix', 'stars')!.rows).toEqual([10, 18, 26]);
		// Dates typed as text (every third record), serial numbers (the next ones); date cells need no change.
		expect(noteOf(n, 'date_dmy', 'decision_date')!.count).toBe(8);
		expect(noteOf(n, 'date_serial', 'decision_date')!.from).toBe('44692');
		expect(noteOf(n, 'date_serial', 'decision_date')!.to).toBe('2022-05-11');
		expect(noteOf(n, 'constant', 'provenance')!.to).toBe('published');
		expect(n.notes.every((x) => x.severity === 'info')).toBe(true);
	});
});

describe('the summary sheet, as a new table', async () => {
	const n = await normalise('so-khcn-quang-ninh-ocop-2026.xlsx', { kind: 'new', table: 'ocop_tong_hop' }, 1);

	it('names the columns after their headers and types them from the values', () => {
		expect(n.columns).toEqual(['huyen_thi_xa_thanh_pho', 'so_san_pham', 'doanh_thu_trieu_dong', 'ty_le_4_sao_tro_len', 'ngay_cap_nhat']);
		expect(n.spec.columns.map((c) => c.type)).toEqual(['text', 'integer', 'integer', 'number', 'date']);
	});

	it('reads 15.590, 1.250.300 and 37,5 and drops the total', () => {
		expect(n.values).toEqual([
			OCOP_SUMMARY.map((r) => r.huyen),
			OCOP_SUMMARY.map((r) => String(r.so_san_pham)),
			['15590', '8204', '1250300', '21475'],
			['37.5', '29.27', '18.4', '42.11'],
			OCOP_SUMMARY.map((r) => r.ngay_cap_nhat)
		]);
		expect(noteOf(n, 'total_row')!.rows).toEqual([9]);
		expect(noteOf(n, 'thousands', 'doanh_thu_trieu_dong')!.count).toBe(4);
		expect(noteOf(n, 'decimal_comma', 'ty_le_4_sao_tro_len')!.count).toBe(4);
	});
});

describe('type inference for new tables', () => {
	it('never turns numbers into dates, and keeps codes with leading zeros as text', () => {
		expect(inferType([44692, 44693])).toBe('integer');
		expect(inferType(['01', '22'])).toBe('text');
		expect(inferType(['11/5/2022', { date: '2022-05-12' }])).toBe('date');
		expect(inferType(['0,65', '1.250,5'])).toBe('number');
		expect(inferType([true, false, null])).toBe('boolean');
		expect(inferType(['Hạ Long', 3])).toBe('text');
	});
});

describe('a column mixing number styles', () => {
	it('blocks the upload instead of guessing', () => {
		const s: RawSheet = {
			name: null,
			rows: [['Mã tỉnh', 'Năm', 'Quý', 'Nguồn vốn', 'Loại chi', 'Dự toán', 'Giải ngân'], ['22', 2026, 1, 'Trung ương', 'Thường xuyên', '0,65', '15.590'], ['22', 2026, 2, 'Trung ương', 'Thường xuyên', '0.5', '1']],
			rowNumbers: [1, 2, 3],
			columnNames: [],
			merges: []
		};
		const target: Target = { kind: 'replace', dataset: 'budget' };
		const n = normaliseSheet(s, target, spec('budget'), autoMapping(s, target, spec('budget'))!, lookups);
		const ambiguous = n.notes.filter((x) => x.code === 'ambiguous_number');
		// Dự toán mixes "0,65" and "0.5"; Giải ngân has no such mix and reads the Vietnamese way.
		expect(ambiguous).toEqual([]);
		expect(n.values[n.columns.indexOf('allocated_bn')]).toEqual(['0.65', '0.5']);
		expect(n.values[n.columns.indexOf('disbursed_bn')]).toEqual(['15590', '1']);

		// "15.590" in a column that also has "0,65" and "0.5" could be 15590 or 15.59.
		s.rows.push(['22', 2026, 3, 'Trung ương', 'Thường xuyên', '15.590', '2']);
		s.rowNumbers.push(4);
		const m = normaliseSheet(s, target, spec('budget'), autoMapping(s, target, spec('budget'))!, lookups);
		const bad = m.notes.filter((x) => x.code === 'ambiguous_number');
		expect(bad).toHaveLength(1);
		expect(bad[0].severity).toBe('error');
		expect(bad[0].rows).toEqual([4]);
		expect(bad[0].column).toBe('allocated_bn');
		expect(m.values[m.columns.indexOf('allocated_bn')]).toEqual(['0.65', '0.5', '15.590']);
	});
});
