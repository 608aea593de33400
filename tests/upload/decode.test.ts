/** Text files as offices save them: encodings and delimiters (src/lib/upload/decode.ts). */
import { describe, expect, it } from 'vitest';
import { decodeText, guessDelimiter, parseDelimited } from '../../src/lib/upload/decode';
import { fixtureBytes, fixtureSheets } from './fixtures';

const utf16le = (s: string) => {
	const b = new Uint8Array(2 + s.length * 2);
	b.set([0xff, 0xfe]);
	for (let i = 0; i < s.length; i++) {
		b[2 + 2 * i] = s.charCodeAt(i) & 0xff;
		b[3 + 2 * i] = s.charCodeAt(i) >> 8;
	}
	return b;
};

describe('decodeText', () => {
	it('reads UTF-8 with and without a byte-order mark', () => {
		const text = 'Mã tỉnh,Số sao\n22,4\n';
		const plain = new TextEncoder().encode(text);
		expect(decodeText(plain)).toEqual({ text, encoding: 'utf-8' });
		const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
		expect(decodeText(bom)).toEqual({ text, encoding: 'utf-8-bom' });
	});

	it('reads UTF-16 by its byte-order mark', () => {
		expect(decodeText(utf16le('Số sao\t4'))).toEqual({ text: 'Số sao\t4', encoding: 'utf-16le' });
		const be = new Uint8Array([0xfe, 0xff, 0x00, 0x53, 0x1e, 0xd1]);
		expect(decodeText(be)).toEqual({ text: 'Số', encoding: 'utf-16be' });
	});

	it('reads Windows-1258 when the bytes are not UTF-8, composing the tone marks', () => {
		// "Số" in Windows-1258: S, ô (0xF4), combining acute (0xEC).
		const bytes = new Uint8Array([0x53, 0xf4, 0xec, 0x20, 0x73, 0x61, 0x6f]);
		const out = decodeText(bytes);
		expect(out.encoding).toBe('windows-1258');
		expect(out.text).toBe('Số sao');
		expect(out.text.length).toBe(6);
	});

	it('reads the committed Windows-1258 and UTF-16 fixtures', () => {
		const cp = decodeText(fixtureBytes('khoi-nghiep-da-nang-1258.csv'));
		expect(cp.encoding).toBe('windows-1258');
		expect(cp.text.split('\r\n')[0]).toBe(
			'Mã dự án;Tên dự án;Tỉnh/thành phố;Mã huyện;Lĩnh vực;Tổ chức hỗ trợ;Ngày được hỗ trợ;Ươm tạo tại Trung tâm ĐMST;Ngày thành lập doanh nghiệp;Ngày gọi vốn;Vốn gọi được (tỷ đồng);Nguồn gốc số liệu'
		);
		const u16 = decodeText(fixtureBytes('doanh-nghiep-khcn-khanh-hoa-unicode.txt'));
		expect(u16.encoding).toBe('utf-16le');
		expect(u16.text.startsWith('Số giấy chứng nhận\tMã số doanh nghiệp')).toBe(true);
	});
});

describe('parseDelimited', () => {
	it('finds the delimiter', () => {
		expect(guessDelimiter('a;b;c\n1;2,5;3\n')).toBe(';');
		expect(guessDelimiter('a\tb\n1\t2\n')).toBe('\t');
		expect(guessDelimiter('"a;b",c,d\n')).toBe(',');
	});

	it('keeps quoted separators, doubled quotes and line breaks, and numbers records by their first line', () => {
		const text = 'Tên;Ghi chú\r\n"Trà; hoa vàng";"Nói ""ngon"""\r\n\r\n"Hai\ndòng";x\r\n';
		const out = parseDelimited(text);
		expect(out.delimiter).toBe(';');
		expect(out.rows).toEqual([['Tên', 'Ghi chú'], ['Trà; hoa vàng', 'Nói "ngon"'], [''], ['Hai\ndòng', 'x']]);
		expect(out.lines).toEqual([1, 2, 3, 4]);
	});

	it('reads the fixtures into sheets with line numbers', async () => {
		const cp = await fixtureSheets('khoi-nghiep-da-nang-1258.csv');
		expect(cp.format).toBe('csv');
		expect(cp.delimiter).toBe(';');
		expect(cp.sheets).toHaveLength(1);
		expect(cp.sheets[0].rows[1][5]).toBe('Trung tâm Hỗ trợ khởi nghiệp sáng tạo Đà Nẵng; Sở KH&CN Đà Nẵng');
		expect(cp.sheets[0].rowNumbers.slice(0, 3)).toEqual([1, 2, 3]);
		const u16 = await fixtureSheets('doanh-nghiep-khcn-khanh-hoa-unicode.txt');
		expect(u16.delimiter).toBe('\t');
		expect(u16.sheets[0].rows[1][3]).toBe('Khánh Hoà');
	});

	it('reads every sheet of a workbook with cell types and merges', async () => {
		const wb = await fixtureSheets('so-khcn-quang-ninh-ocop-2026.xlsx');
		expect(wb.sheets.map((s) => s.name)).toEqual(['Danh sách', 'Tổng hợp']);
		const list = wb.sheets[0];
		// Row 7 (index 6): the first record; decision date typed as text, row 8 as a serial number, row 9 as a date cell.
		expect(list.rows[6][12]).toBe('11/5/2022');
		expect(list.rows[7][12]).toBe(44692);
		expect(list.rows[8][12]).toEqual({ date: '2022-09-27' });
		expect(list.merges).toContainEqual({ s: { r: 3, c: 5 }, e: { r: 3, c: 7 } });
		expect(list.columnNames.slice(0, 3)).toEqual(['A', 'B', 'C']);
	});

	it('says why a file cannot be read', async () => {
		const { readSheets } = await import('../../src/lib/upload/sheets');
		expect((await readSheets(new Uint8Array([1, 2]), 'x.docx')).error?.code).toBe('unsupported_format');
		expect((await readSheets(new Uint8Array(), 'x.csv')).error?.code).toBe('empty_file');
		expect((await readSheets(new TextEncoder().encode('{"a":1}'), 'x.json')).error?.code).toBe('unreadable');
		expect((await readSheets(new Uint8Array([1, 2, 3, 4]), 'x.parquet')).error?.code).toBe('unreadable');
	});
});
