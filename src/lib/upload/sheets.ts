/**
 * Any uploaded file → its sheets of raw cells: every sheet of a workbook (XLSX, XLS,
 * ODS), the one table of a CSV/TSV, a Parquet file or a JSON array of objects.
 * Nothing is interpreted here beyond what the file format itself declares.
 */
import * as XLSX from '@e965/xlsx';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { columnLetter, widest, type Merge, type RawCell, type RawSheet } from './cells';
import { decodeText, parseDelimited, type Delimiter, type Encoding } from './decode';
import { serialToIso } from './values';
import { SERIAL_LAST, usedRange } from '../data/read-xlsx';
import { note, type Note } from './notes';
import { problem, type Details, type Problem, type ProblemCode } from '../data/problems';
import { MAX_COLUMNS, MAX_FILE_BYTES } from '../data/limits';
import { isCompoundFile, isZip } from '../data/zip';
import { zipProblem, readError } from '../data/read';
import { checkParquetSize } from '../data/read-parquet';

export type UploadFormat = 'csv' | 'xlsx' | 'parquet' | 'json';

export interface ReadFile {
	format: UploadFormat | null;
	sheets: RawSheet[];
	/** Text files: how the bytes were decoded and split. */
	encoding?: Encoding;
	delimiter?: Delimiter;
	/** The file could not be read at all (English detail from the reader). */
	error?: { code: 'unsupported_format' | 'unreadable' | 'empty_file'; detail: string };
	/** The file broke a rule or a limit, said as the loader says it (see data/problems.ts). */
	problem?: Problem;
}

const EXT: Record<string, UploadFormat> = {
	csv: 'csv',
	tsv: 'csv',
	txt: 'csv',
	xlsx: 'xlsx',
	xlsm: 'xlsx',
	xls: 'xlsx',
	ods: 'xlsx',
	parquet: 'parquet',
	json: 'json'
};

export const ACCEPT = Object.keys(EXT)
	.map((e) => `.${e}`)
	.join(',');

export function uploadFormat(fileName: string): UploadFormat | null {
	return EXT[fileName.toLowerCase().split('.').pop() ?? ''] ?? null;
}

/**
 * A File from the page: its size is checked before a byte is read, so a 2 GB file
 * gets a message instead of an out-of-memory tab.
 */
export async function readUploadedFile(file: File): Promise<{ bytes: Uint8Array; read: ReadFile }> {
	if (file.size > MAX_FILE_BYTES) {
		return { bytes: new Uint8Array(), read: failed(uploadFormat(file.name), file.name, 'too_large', { found: file.size, bound: MAX_FILE_BYTES }) };
	}
	const bytes = new Uint8Array(await file.arrayBuffer());
	return { bytes, read: await readSheets(bytes, file.name) };
}

function failed(format: UploadFormat | null, fileName: string, code: ProblemCode, details: Details = {}, row: number | null = null): ReadFile {
	return { format, sheets: [], problem: problem(code, { file: fileName, row }, details) };
}

export async function readSheets(bytes: Uint8Array, fileName: string): Promise<ReadFile> {
	const format = uploadFormat(fileName);
	if (!format) return { format, sheets: [], error: { code: 'unsupported_format', detail: fileName.split('.').pop() ?? '' } };
	if (bytes.length === 0) return { format, sheets: [], error: { code: 'empty_file', detail: '' } };
	if (bytes.length > MAX_FILE_BYTES) return failed(format, fileName, 'too_large', { found: bytes.length, bound: MAX_FILE_BYTES });
	try {
		let read: ReadFile;
		switch (format) {
			case 'csv':
				read = readText(bytes, fileName);
				break;
			case 'xlsx': {
				// .xls is an OLE compound file, read as it is; everything else must be a sound zip.
				if (!isCompoundFile(bytes) || !/\.xls$/i.test(fileName)) {
					const zip = !isZip(bytes) && /\.(xls|ods)$/i.test(fileName) ? null : await zipProblem(bytes, fileName);
					if (zip) return { format, sheets: [], problem: zip };
				}
				read = { format, sheets: readWorkbook(bytes) };
				// A workbook without a single cell says so like an empty CSV, not sheet by sheet.
				if (read.sheets.every((s) => s.rows.every((r) => r.every((v) => v === null || v === '')))) {
					return { format, sheets: [], error: { code: 'empty_file', detail: '' } };
				}
				break;
			}
			case 'parquet':
				read = { format, sheets: [await readParquet(bytes)] };
				break;
			case 'json':
				read = readJson(bytes);
				break;
		}
		const wide = read.sheets.find((s) => s.columnNames.length > MAX_COLUMNS);
		if (wide) return failed(format, fileName, 'too_many_columns', { found: wide.columnNames.length, bound: MAX_COLUMNS });
		return read;
	} catch (e) {
		if (e instanceof TooManyColumns) return failed(format, fileName, 'too_many_columns', { found: e.found, bound: MAX_COLUMNS });
		const detail = String((e as Error)?.message ?? e).slice(0, 300);
		// `error` keeps the reader's words; `problem` says it as the loader does (damaged, too large).
		if (format === 'parquet') return { format, sheets: [], error: { code: 'unreadable', detail }, problem: readError(e, 'parquet', fileName) };
		return { format, sheets: [], error: { code: 'unreadable', detail } };
	}
}

function readText(bytes: Uint8Array, fileName: string): ReadFile {
	const { text, encoding } = decodeText(bytes);
	if (text.trim() === '') return { format: 'csv', sheets: [], encoding, error: { code: 'empty_file', detail: '' } };
	const nul = text.indexOf('\0');
	if (nul >= 0) return { ...failed('csv', fileName, 'nul_bytes', {}, lineNumber(text, nul)), encoding };
	const { rows, lines, delimiter, unclosed } = parseDelimited(text);
	if (unclosed !== null) return { ...failed('csv', fileName, 'unclosed_quote', {}, unclosed), encoding };
	const width = widest(rows);
	return {
		format: 'csv',
		encoding,
		delimiter,
		sheets: [{ name: null, rows, rowNumbers: lines, columnNames: letters(width), merges: [] }]
	};
}

function lineNumber(text: string, index: number): number {
	let line = 1;
	for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

const letters = (n: number) => Array.from({ length: n }, (_, i) => columnLetter(i));

function readWorkbook(bytes: Uint8Array): RawSheet[] {
	const wb = XLSX.read(bytes, { type: 'array', cellDates: false, cellNF: true, cellText: false, dense: true });
	const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
	return wb.SheetNames.map((name) => {
		const ws = wb.Sheets[name];
		if (!ws?.['!ref']) return { name, rows: [], rowNumbers: [], columnNames: [], merges: [] };
		const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
		const range = usedRange(XLSX.utils.decode_range(ws['!ref']), data);
		if (range.e.c - range.s.c + 1 > MAX_COLUMNS) {
			throw new TooManyColumns(range.e.c - range.s.c + 1);
		}
		const rows: RawCell[][] = [];
		const rowNumbers: number[] = [];
		for (let r = range.s.r; r <= range.e.r; r++) {
			const src = data[r] ?? [];
			const row: RawCell[] = [];
			for (let c = range.s.c; c <= range.e.c; c++) row.push(workbookCell(src[c], date1904));
			rows.push(row);
			rowNumbers.push(r + 1);
		}
		const merges: Merge[] = (ws['!merges'] ?? []).map((m) => ({
			s: { r: m.s.r - range.s.r, c: m.s.c - range.s.c },
			e: { r: m.e.r - range.s.r, c: m.e.c - range.s.c }
		}));
		const columnNames = Array.from({ length: range.e.c - range.s.c + 1 }, (_, i) => columnLetter(range.s.c + i));
		return { name, rows, rowNumbers, columnNames, merges };
	});
}

function workbookCell(cell: XLSX.CellObject | undefined, date1904: boolean): RawCell {
	if (!cell || cell.t === 'z' || cell.v == null) return null;
	switch (cell.t) {
		case 's':
			return String(cell.v);
		case 'b':
			return Boolean(cell.v);
		case 'e':
			// Keep Excel's error text (#N/A, #VALUE!) so validation points at the cell.
			return cell.w ?? '#ERROR';
		case 'd':
			return { date: isoDateTime(cell.v as Date) };
		case 'n': {
			const v = cell.v as number;
			if (cell.z != null && XLSX.SSF.is_date(cell.z) && v >= 0 && v <= SERIAL_LAST) {
				const frac = v - Math.floor(v);
				const day = serialToIso(v, date1904);
				return { date: frac > 1e-9 ? `${day} ${timeOfDay(frac)}` : day };
			}
			return v;
		}
		default:
			return String(cell.v);
	}
}

function timeOfDay(frac: number): string {
	const s = Math.round(frac * 86_400);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${p(Math.floor(s / 3600) % 24)}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}`;
}

function isoDateTime(d: Date): string {
	const s = d.toISOString();
	return s.endsWith('T00:00:00.000Z') ? s.slice(0, 10) : `${s.slice(0, 10)} ${s.slice(11, 19)}`;
}

const utf8 = new TextDecoder();

function typedCell(v: unknown): RawCell {
	if (v === null || v === undefined) return null;
	if (typeof v === 'string' || typeof v === 'boolean') return v;
	if (typeof v === 'number') return v;
	if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : String(v);
	if (v instanceof Date) return { date: isoDateTime(v) };
	if (v instanceof Uint8Array) return utf8.decode(v);
	return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x));
}

/** Parquet has no header row; its column names become row 1, records rows 2… as in a CSV export. */
async function readParquet(bytes: Uint8Array): Promise<RawSheet> {
	const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	const metadata = parquetMetadata(file);
	checkParquetSize(metadata);
	const names = parquetSchema(metadata).children.map((c) => c.element.name);
	const records = await parquetReadObjects({ file, metadata, compressors });
	return tableSheet(names, records.map((r) => names.map((n) => typedCell(r[n]))));
}

function readJson(bytes: Uint8Array): ReadFile {
	const { text, encoding } = decodeText(bytes);
	const data: unknown = JSON.parse(text);
	const list = Array.isArray(data)
		? data
		: data && typeof data === 'object'
			? Object.values(data).find((v) => Array.isArray(v))
			: undefined;
	if (!Array.isArray(list) || !list.every((r) => r && typeof r === 'object' && !Array.isArray(r))) {
		return { format: 'json', sheets: [], encoding, error: { code: 'unreadable', detail: 'expected an array of objects' } };
	}
	const names: string[] = [];
	for (const r of list as Record<string, unknown>[]) for (const k of Object.keys(r)) if (!names.includes(k)) names.push(k);
	const rows = (list as Record<string, unknown>[]).map((r) => names.map((n) => typedCell(r[n])));
	return { format: 'json', encoding, sheets: [tableSheet(names, rows)] };
}

function tableSheet(names: string[], records: RawCell[][]): RawSheet {
	return {
		name: null,
		rows: [names, ...records],
		rowNumbers: [1, ...records.map((_, i) => i + 2)],
		columnNames: letters(names.length),
		merges: []
	};
}

/** What reading the file itself involved, for the report: encoding and delimiter of text files. */
export function readNotes(read: ReadFile): Note[] {
	const notes: Note[] = [];
	if (read.encoding && read.format === 'csv') notes.push(note('encoding', {}, read.encoding));
	else if (read.encoding && read.encoding !== 'utf-8') notes.push(note('encoding', {}, read.encoding));
	if (read.delimiter) notes.push(note('delimiter', {}, read.delimiter));
	return notes;
}

class TooManyColumns extends Error {
	constructor(readonly found: number) {
		super(`${found} columns`);
	}
}

/** A file that could not be read, as the loader words it. */
export function readProblem(read: ReadFile, fileName: string): Problem | null {
	if (read.problem) return read.problem;
	if (!read.error) return null;
	const { code, detail } = read.error;
	if (code === 'unsupported_format') return problem('unsupported_format', { file: fileName }, { format: detail });
	if (code === 'empty_file') return problem('empty_file', { file: fileName });
	return problem('unreadable', { file: fileName }, { format: (read.format ?? '').toUpperCase(), detail });
}
