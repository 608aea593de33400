import * as XLSX from '@e965/xlsx';
import type { DatasetSpec } from './schema';

export interface TextSheet {
	header: string[];
	/** Row number in the sheet (Excel's, 1-based) of each data row. */
	rows: number[];
	/** columns[c][i]: text of column c in data row i, null when empty. */
	columns: (string | null)[][];
}

/**
 * Read the sheet named like the dataset (or the first sheet) as text, the way the value
 * would be written in a CSV: numbers in plain notation (15590, 0.65 — not Excel's
 * display format, which depends on the locale), dates as YYYY-MM-DD, booleans as
 * true/false. Entirely empty rows are skipped but keep their place in the numbering.
 */
export function readXlsxText(bytes: Uint8Array, spec: DatasetSpec): TextSheet {
	const wb = XLSX.read(bytes, { type: 'array', cellNF: true, cellText: false, cellDates: false, dense: true });
	const sheetName = wb.SheetNames.find((n) => n.trim().toLowerCase() === spec.name) ?? wb.SheetNames[0];
	const ws = sheetName ? wb.Sheets[sheetName] : undefined;
	if (!ws || !ws['!ref']) return { header: [], rows: [], columns: [] };
	const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
	const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
	const range = usedRange(XLSX.utils.decode_range(ws['!ref']), data);
	const width = range.e.c - range.s.c + 1;

	const headerCells = data[range.s.r] ?? [];
	const header = Array.from({ length: width }, (_, i) => cellText(headerCells[range.s.c + i], false, date1904) ?? '');
	const dateColumn = header.map((h) => spec.columns.find((c) => c.name === h.trim())?.type === 'date');

	const rows: number[] = [];
	const columns: (string | null)[][] = header.map(() => []);
	for (let r = range.s.r + 1; r <= range.e.r; r++) {
		const cells = data[r] ?? [];
		const values = header.map((_, i) => cellText(cells[range.s.c + i], dateColumn[i], date1904));
		if (values.every((v) => v === null)) continue;
		rows.push(r + 1);
		values.forEach((v, i) => columns[i].push(v));
	}
	// Columns with neither a header nor any value are just the used range's slack.
	const keep = header.map((h, i) => h.trim() !== '' || columns[i].some((v) => v !== null));
	return {
		header: header.filter((_, i) => keep[i]),
		rows,
		columns: columns.filter((_, i) => keep[i])
	};
}

/**
 * The sheet's declared range cut to the cells that exist: a file may declare
 * A1:XFD1048576 (17 billion cells) around a handful of values, and walking the
 * declared range would never end.
 */
export function usedRange(declared: XLSX.Range, data: readonly ((unknown | undefined)[] | undefined)[]): XLSX.Range {
	let lastRow = -1;
	let lastCol = -1;
	for (let r = 0; r < data.length; r++) {
		const row = data[r];
		if (!row) continue;
		lastRow = r;
		if (row.length - 1 > lastCol) lastCol = row.length - 1;
	}
	return {
		s: declared.s,
		e: { r: Math.min(declared.e.r, Math.max(lastRow, declared.s.r)), c: Math.min(declared.e.c, Math.max(lastCol, declared.s.c)) }
	};
}

/** Largest serial day Excel can show as a date (9999-12-31). */
export const SERIAL_LAST = 2_958_465;

// Serial day numbers Excel can mean as dates in a date column (1954–2119).
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;

function cellText(cell: XLSX.CellObject | undefined, dateColumn: boolean, date1904: boolean): string | null {
	if (!cell || cell.t === 'z' || cell.v == null) return null;
	switch (cell.t) {
		case 's': {
			const s = String(cell.v);
			return s.trim() === '' ? null : s;
		}
		case 'b':
			return cell.v ? 'true' : 'false';
		case 'e':
			// Keep the error text (#N/A, #VALUE!) so validation points at the cell.
			return cell.w ?? '#ERROR';
		case 'd':
			return isoFromDate(cell.v as Date);
		case 'n': {
			const v = cell.v as number;
			const inRange = v >= 0 && v <= SERIAL_LAST;
			const isDate = (inRange && cell.z != null && XLSX.SSF.is_date(cell.z)) || (dateColumn && Number.isInteger(v) && v >= SERIAL_MIN && v <= SERIAL_MAX);
			return isDate ? isoFromSerial(v, date1904) : numberText(v);
		}
		default:
			return String(cell.v);
	}
}

function numberText(v: number): string {
	// Binary noise from formulas (0.1 + 0.2) would otherwise show up as 0.30000000000000004.
	return String(Number.isInteger(v) ? v : parseFloat(v.toPrecision(15)));
}

function isoFromSerial(v: number, date1904: boolean): string {
	const d = XLSX.SSF.parse_date_code(v, { date1904 }) as { y: number; m: number; d: number; H: number; M: number; S: number };
	const date = `${d.y}-${pad(d.m)}-${pad(d.d)}`;
	return d.H || d.M || d.S ? `${date} ${pad(d.H)}:${pad(d.M)}:${pad(d.S)}` : date;
}

function isoFromDate(d: Date): string {
	return d.toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');
