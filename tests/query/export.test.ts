/**
 * Exporters over a real DuckDB result: CSV (BOM, exact values, formula injection
 * neutralised), XLSX (numbers stay numbers, dates are dates) and Parquet (read back
 * with hyparquet). Expected values come from DuckDB itself (CAST to VARCHAR) or are
 * written out by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table } from 'apache-arrow';
import * as XLSX from '@e965/xlsx';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { openNodeDb } from '../../src/lib/db/node';
import { toRows } from '../../src/lib/db/rows';
import type { Db } from '../../src/lib/db/types';
import { BOM, neutralise, toCsv } from '../../src/lib/query/export-csv';
import { toXlsx } from '../../src/lib/query/export-xlsx';
import { toParquet } from '../../src/lib/query/export-parquet';
import { exportFileName } from '../../src/lib/query/export-name';

const SQL = `
SELECT * FROM (VALUES
  (1, 'Hà Nội — Thái Bình, Đà Nẵng', 1.5::DOUBLE, 12.345::DECIMAL(10,3), DATE '2024-05-11', TIMESTAMP '2024-05-11 10:20:30', true, 9007199254740993::BIGINT, -5),
  (2, '=HYPERLINK("http://x","y")', NULL, -0.5::DECIMAL(10,3), DATE '1999-12-31', NULL, false, -3::BIGINT, 7),
  (3, '+cmd', 2.25, NULL, NULL, TIMESTAMP '2026-10-31 23:59:59', NULL, 0::BIGINT, 0),
  (4, '-2+3', -0.125, 0::DECIMAL(10,3), DATE '2026-10-31', NULL, true, NULL, -12),
  (5, '@SUM(A1)', 1e20, 1::DECIMAL(10,3), NULL, NULL, false, 1::BIGINT, 1),
  (6, chr(9) || 'tab', 0.1, 2::DECIMAL(10,3), NULL, NULL, true, 2::BIGINT, 2),
  (7, chr(13) || 'cr', 0.2, 3::DECIMAL(10,3), NULL, NULL, true, 3::BIGINT, 3),
  (8, 'a,"quoted"' || chr(10) || 'line 2', 0.3, 4::DECIMAL(10,3), NULL, NULL, true, 4::BIGINT, 4),
  (9, NULL, 0.4, 5::DECIMAL(10,3), NULL, NULL, true, 5::BIGINT, 5)
) t(id, name, f, d, day, ts, ok, big, neg)
ORDER BY id`;

let db: Db;
let table: Table;
beforeAll(async () => {
	db = await openNodeDb();
	table = await db.query(SQL);
});
afterAll(async () => db?.close());

/** RFC 4180 with CRLF, written here independently of the exporter. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += c;
	}
	if (field || row.length) rows.push([...row, field]);
	return rows;
}

describe('CSV', () => {
	it('starts with a BOM and the header, ends rows with CRLF, and survives UTF-8 encoding', () => {
		const csv = toCsv(table);
		expect(csv.startsWith(BOM)).toBe(true);
		expect(csv.slice(1, csv.indexOf('\r\n'))).toBe('id,name,f,d,day,ts,ok,big,neg');
		const bytes = new TextEncoder().encode(csv);
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const back = new TextDecoder().decode(bytes); // strips the BOM, as Excel does
		expect(parseCsv(back)[1][1]).toBe('Hà Nội — Thái Bình, Đà Nẵng');
	});

	it('neutralises text that a spreadsheet would run as a formula, and leaves numbers alone', () => {
		const rows = parseCsv(toCsv(table).slice(1));
		const name = (id: number) => rows[id][1];
		expect(name(2)).toBe(`'=HYPERLINK("http://x","y")`);
		expect(name(3)).toBe(`'+cmd`);
		expect(name(4)).toBe(`'-2+3`);
		expect(name(5)).toBe(`'@SUM(A1)`);
		expect(name(6)).toBe(`'\ttab`);
		expect(name(7)).toBe(`'\rcr`);
		expect(name(8)).toBe('a,"quoted"\nline 2');
		expect(rows[1][8]).toBe('-5'); // a negative number is a number, not a formula
		expect(rows[4][2]).toBe('-0.125');
		expect(neutralise('Hà Nội')).toBe('Hà Nội');
	});

	it('writes each value exactly as DuckDB has it; NULL is an empty field', async () => {
		const rows = parseCsv(toCsv(table).slice(1)).slice(1);
		const text = toRows<Record<string, string | null>>(
			await db.query(`SELECT ${['id', 'f', 'day', 'ts', 'ok', 'big', 'neg'].map((c) => `CAST(${c} AS VARCHAR) AS ${c}`).join(', ')}, d FROM (${SQL})`)
		);
		const col = { id: 0, f: 2, day: 4, ts: 5, ok: 6, big: 7, neg: 8 } as const;
		for (let r = 0; r < text.length; r++) {
			for (const [name, i] of Object.entries(col)) {
				const want = text[r][name];
				const got = rows[r][i];
				if (name === 'f' && want !== null) expect(Number(got)).toBe(Number(want));
				else expect(got, `${name} row ${r + 1}`).toBe(want ?? '');
			}
			// DECIMAL: exact digits (DuckDB prints its scale, 12.345 / -0.500).
			expect(rows[r][3] === '' ? null : Number(rows[r][3])).toBe(text[r].d === null ? null : Number(text[r].d));
		}
		expect(rows[0][7]).toBe('9007199254740993'); // beyond 2^53: not rounded to ...992
		expect(rows[0][3]).toBe('12.345');
		expect(rows[4][2]).toBe('100000000000000000000');
	});
});

describe('XLSX', () => {
	const read = () => {
		const { bytes, truncated } = toXlsx(table, { sheet: 'Kết quả', about: { sheet: 'Nguồn', rows: [['Câu truy vấn', SQL.trim()]] } });
		expect(truncated).toBe(false);
		return XLSX.read(bytes, { type: 'array', cellNF: true });
	};

	it('keeps numbers as numbers and Vietnamese text as text', () => {
		const wb = read();
		expect(wb.SheetNames).toEqual(['Kết quả', 'Nguồn']);
		const ws = wb.Sheets['Kết quả'];
		expect(ws.A1.v).toBe('id');
		expect(ws.B2).toMatchObject({ t: 's', v: 'Hà Nội — Thái Bình, Đà Nẵng' });
		expect(ws.C2).toMatchObject({ t: 'n', v: 1.5 });
		expect(ws.D2).toMatchObject({ t: 'n', v: 12.345 });
		expect(ws.I2).toMatchObject({ t: 'n', v: -5 });
		expect(ws.A10).toMatchObject({ t: 'n', v: 9 });
		expect(ws.G2).toMatchObject({ t: 'b', v: true });
		expect(ws.C3).toBeUndefined(); // NULL: empty cell
		expect(wb.Sheets['Nguồn'].B1.v).toContain('SELECT * FROM (VALUES');
	});

	it('writes dates as Excel dates, not text', () => {
		const ws = read().Sheets['Kết quả'];
		// 2024-05-11 is day 45 423 of Excel's calendar (19 854 days after 1970-01-01, + 25 569).
		expect(ws.E2).toMatchObject({ t: 'n', v: 45423 });
		expect(String(ws.E2.z)).toMatch(/yyyy-mm-dd/);
		expect(ws.E3.v).toBe(36525); // 1999-12-31
		// 10:20:30 is 37 230 s = 0.430903 of a day.
		expect(ws.F2.v).toBeCloseTo(45423 + 37230 / 86400, 8);
	});

	it('never writes a formula, even for text that looks like one', () => {
		const ws = read().Sheets['Kết quả'];
		expect(ws.B3.f).toBeUndefined();
		expect(ws.B3).toMatchObject({ t: 's', v: '=HYPERLINK("http://x","y")' });
	});
});

describe('Parquet', () => {
	it('reads back with hyparquet, types and values kept', async () => {
		const bytes = toParquet(table);
		const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
		const meta = parquetMetadata(file);
		expect(Number(meta.num_rows)).toBe(9);
		const types = Object.fromEntries(meta.schema.slice(1).map((s) => [s.name, [s.type, s.converted_type ?? null]]));
		expect(types).toEqual({
			id: ['INT32', null],
			name: ['BYTE_ARRAY', 'UTF8'],
			f: ['DOUBLE', null],
			d: ['FIXED_LEN_BYTE_ARRAY', 'DECIMAL'],
			day: ['INT32', 'DATE'],
			ts: ['INT64', 'TIMESTAMP_MILLIS'],
			ok: ['BOOLEAN', null],
			big: ['INT64', null],
			neg: ['INT32', null]
		});
		const rows = await parquetReadObjects({ file });
		expect(rows[0].name).toBe('Hà Nội — Thái Bình, Đà Nẵng');
		expect(rows[0].f).toBe(1.5);
		expect(rows[0].d).toBe(12.345);
		expect(rows[1].d).toBe(-0.5);
		expect(rows[0].big).toBe(9007199254740993n);
		expect(rows[0].neg).toBe(-5);
		expect(rows[0].ok).toBe(true);
		expect(new Date(rows[0].day).toISOString().slice(0, 10)).toBe('2024-05-11');
		expect(new Date(rows[0].ts).toISOString()).toBe('2024-05-11T10:20:30.000Z');
		expect(rows[1].name).toBe('=HYPERLINK("http://x","y")');
		expect(rows[1].f).toBeNull();
		expect(rows[8].name).toBeNull();
		expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
	});
});

describe('file names', () => {
	it('say what and when', () => {
		const day = new Date(2026, 10, 22, 9, 30);
		expect(exportFileName('vi', 'csv', day)).toBe('ket-qua-truy-van_2026-11-22.csv');
		expect(exportFileName('en', 'xlsx', day)).toBe('query-result_2026-11-22.xlsx');
		expect(exportFileName('vi', 'parquet', new Date(2026, 0, 5))).toBe('ket-qua-truy-van_2026-01-05.parquet');
	});
});
