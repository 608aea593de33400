/**
 * A sheet as read from a file, before anything is decided about it. Cells keep the
 * type the file gave them: text typed by a person ("15.590", "11/5/2022") is a
 * string; a number an application stored is a number, and is never re-read with
 * Vietnamese separators; a cell the file marks as a date is an ExcelDate.
 */

/** A date the file itself declares (XLSX date format, Parquet DATE). */
export interface FileDate {
	date: string;
}

export type RawCell = string | number | boolean | FileDate | null;

export interface Merge {
	/** Zero-based indexes into `rows` and into a row, inclusive. */
	s: { r: number; c: number };
	e: { r: number; c: number };
}

export interface RawSheet {
	/** Sheet name for workbooks; null for CSV, JSON and Parquet. */
	name: string | null;
	/** rows[i][c]; rows may be ragged. */
	rows: RawCell[][];
	/** Row number the user sees for rows[i] (Excel row, CSV line). */
	rowNumbers: number[];
	/** Column letter or number the user sees for index c (A, B … for workbooks). */
	columnNames: string[];
	merges: Merge[];
}

export const isFileDate = (v: RawCell): v is FileDate => typeof v === 'object' && v !== null && 'date' in v;

/** The cell as text, trimmed and composed; null when empty. */
export function cellText(v: RawCell): string | null {
	if (v === null || v === undefined) return null;
	if (typeof v === 'string') {
		const s = v.normalize('NFC').trim();
		return s === '' ? null : s;
	}
	if (typeof v === 'number') return plainNumber(v);
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	return v.date;
}

/** A stored number in plain notation, without binary noise (0.1 + 0.2 → 0.3). */
export function plainNumber(v: number): string {
	if (!Number.isFinite(v)) return String(v);
	const s = String(Number.isInteger(v) ? v : parseFloat(v.toPrecision(15)));
	// 1e21 and 1e-7 are plain numbers too; DuckDB reads both, the contract's regex as well.
	return s;
}

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(c: number): string {
	let s = '';
	for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

/** The widest row: a loop, since spreading 100 000 rows into Math.max overflows the stack. */
export function widest(rows: readonly { length: number }[], start = 0): number {
	let w = start;
	for (const r of rows) if (r.length > w) w = r.length;
	return w;
}
