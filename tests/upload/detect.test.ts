/** Finding the table in a sheet (src/lib/upload/detect.ts) on hand-made sheets. */
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../src/lib/data/schema';
import type { RawCell, RawSheet } from '../../src/lib/upload/cells';
import { columnLabels, detectHeader, fillMerges, isColumnNumbersRow, isTotalLabel, totalLabel } from '../../src/lib/upload/detect';
import { columnMatcher } from '../../src/lib/upload/headers';

const ocop = columnMatcher(DATASETS.find((d) => d.name === 'ocop_products')!);

function sheet(rows: RawCell[][], merges: RawSheet['merges'] = []): RawSheet {
	return { name: 'S', rows, rowNumbers: rows.map((_, i) => i + 1), columnNames: [], merges };
}

describe('header detection', () => {
	it('skips a title block and finds the header by its labels', () => {
		const s = sheet([
			['UBND TỈNH QUẢNG NINH', null, null],
			['DANH SÁCH SẢN PHẨM OCOP', null, null],
			[null, null, null],
			['Mã GCN', 'Tên sản phẩm', 'Số sao'],
			['QN-1', 'Chả mực', 4]
		]);
		expect(detectHeader(fillMerges(s).grid, ocop)).toEqual({ row: 3, span: 1 });
	});

	it('reads a two-row header with merged parents', () => {
		const s = sheet(
			[
				['Mã GCN', 'Quyết định công nhận', null, 'Chủ thể', null],
				[null, 'Số', 'Ngày', 'Tên', 'Loại hình'],
				['QN-1', '12/QĐ', '11/5/2022', 'HTX A', 'HTX']
			],
			[
				{ s: { r: 0, c: 1 }, e: { r: 0, c: 2 } },
				{ s: { r: 0, c: 3 }, e: { r: 0, c: 4 } },
				{ s: { r: 0, c: 0 }, e: { r: 1, c: 0 } }
			]
		);
		const { grid } = fillMerges(s);
		const h = detectHeader(grid, ocop)!;
		expect(h).toEqual({ row: 0, span: 2 });
		const labels = columnLabels(grid, h);
		expect(labels.map((l) => l.display)).toEqual(['Mã GCN', 'Quyết định công nhận › Số', 'Quyết định công nhận › Ngày', 'Chủ thể › Tên', 'Chủ thể › Loại hình']);
	});

	it('does not take a title merged over the header for a header row', () => {
		const s = sheet(
			[
				['Đơn vị tính: tỷ đồng', null, null],
				['Mã GCN', 'Tên sản phẩm', 'Số sao'],
				['QN-1', 'Chả mực', 4]
			],
			[{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }]
		);
		expect(detectHeader(fillMerges(s).grid, ocop)).toEqual({ row: 1, span: 1 });
	});

	it('finds nothing when no row names two columns', () => {
		const s = sheet([['Doanh thu', 'Năm'], [1, 2]]);
		expect(detectHeader(fillMerges(s).grid, ocop)).toBeNull();
	});

	it('without a contract, takes the first row as wide as the table', () => {
		const s = sheet(
			[['TỔNG HỢP', null, null], ['(đến 22/11/2026)', null, null], ['Huyện', 'Số sản phẩm', 'Doanh thu'], ['Hạ Long', 112, '15.590']],
			[{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }]
		);
		expect(detectHeader(fillMerges(s).grid, null)).toEqual({ row: 2, span: 1 });
	});
});

describe('rows around the records', () => {
	it('fills merged cells down and across', () => {
		const { grid, filled } = fillMerges(sheet([['Quảng Ninh', 1], [null, 2], [null, 3]], [{ s: { r: 0, c: 0 }, e: { r: 2, c: 0 } }]));
		expect(grid.map((r) => r[0])).toEqual(['Quảng Ninh', 'Quảng Ninh', 'Quảng Ninh']);
		expect(filled).toEqual([{ r: 1, c: 0 }, { r: 2, c: 0 }]);
	});

	it('recognises a row numbering the columns', () => {
		expect(isColumnNumbersRow(['(1)', '(2)', '(3)', '(4)'])).toBe(true);
		expect(isColumnNumbersRow(['A', 'B', 1, 2, 3])).toBe(true);
		expect(isColumnNumbersRow([1, 'QN-1', 'Chả mực', 4])).toBe(false);
		expect(isColumnNumbersRow(['(1)', '(3)', '(2)'])).toBe(false);
	});

	it('recognises total rows, but not names that start like one', () => {
		for (const t of ['Tổng cộng', 'TỔNG CỘNG', 'Tổng cộng:', 'Cộng', 'Tổng', 'Tổng số', 'Tổng cộng (I+II)', 'Tổng cộng toàn tỉnh']) {
			expect(isTotalLabel(t), t).toBe(true);
		}
		for (const t of ['Cộng đồng homestay Đồng Cũ', 'Tổng hợp sản phẩm', 'Tổng công ty Than', 'Hạ Long']) expect(isTotalLabel(t), t).toBe(false);
		expect(totalLabel([null, 'Tổng cộng', null, 248])).toBe('Tổng cộng');
		expect(totalLabel([12, 'Tổng cộng'])).toBeNull();
	});
});
