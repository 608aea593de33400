/**
 * A result as an Excel workbook (SheetJS): numbers stay numbers, dates are real Excel
 * dates (so they sort and filter), text is text — a cell is never written as a formula,
 * so a value such as `=1+1` cannot run. An optional second sheet says where the numbers
 * come from (the query, the data's as-of date, when it was exported).
 */
import type { Table } from 'apache-arrow';
import * as XLSX from '@e965/xlsx';
import { resultColumns, type ResultColumn } from './cells';
import { FORMULA_START } from './export-csv';

/** Excel's last row is 1 048 576; one is the header. */
export const XLSX_MAX_ROWS = 1_048_575;

export interface XlsxOptions {
	sheet: string;
	/** Rows of a second sheet: [label, value]. */
	about?: { sheet: string; rows: [string, string][] };
}

const DAY_MS = 86_400_000;
/** Days from Excel's epoch (1899-12-30, in its 1900 date system) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;

function cell(col: ResultColumn, row: number): XLSX.CellObject | undefined {
	const v = col.value(row);
	if (v === null) return undefined;
	switch (col.kind) {
		case 'int':
		case 'float':
		case 'decimal':
			return { t: 'n', v: Number(v) };
		case 'bool':
			return { t: 'b', v: v as boolean };
		case 'date':
		case 'timestamp': {
			// From the epoch milliseconds, not a local Date: no time zone can shift a day.
			const ms = Number(col.raw(row) instanceof Date ? (col.raw(row) as Date).getTime() : col.raw(row));
			return { t: 'n', v: ms / DAY_MS + EXCEL_EPOCH_DAYS, z: col.kind === 'date' ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss' };
		}
		default:
			return text(String(v));
	}
}

/**
 * Text is written as text, never as a formula. Text that looks like one also gets the
 * Text number format ('@', Excel's apostrophe): it stays text even after a user edits the
 * cell, or saves the sheet as CSV and opens that.
 */
function text(v: string): XLSX.CellObject {
	return FORMULA_START.test(v) ? { t: 's', v, z: '@' } : { t: 's', v };
}

export function toXlsx(table: Table, opts: XlsxOptions): { bytes: Uint8Array; truncated: boolean } {
	const cols = resultColumns(table);
	const n = Math.min(table.numRows, XLSX_MAX_ROWS);
	const data: (XLSX.CellObject | undefined)[][] = new Array(n + 1);
	data[0] = cols.map((c) => text(c.name));
	for (let r = 0; r < n; r++) data[r + 1] = cols.map((c) => cell(c, r));
	const ws: XLSX.WorkSheet = {
		'!data': data,
		'!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: n, c: Math.max(0, cols.length - 1) } }),
		'!cols': cols.map((c) => ({ wch: Math.min(40, Math.max(10, c.name.length + 2)) }))
	} as XLSX.WorkSheet;
	const wb = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(wb, ws, safeSheetName(opts.sheet));
	if (opts.about) {
		const about = XLSX.utils.aoa_to_sheet(opts.about.rows.map((r) => r.map(text)));
		about['!cols'] = [{ wch: 24 }, { wch: 100 }];
		XLSX.utils.book_append_sheet(wb, about, safeSheetName(opts.about.sheet));
	}
	const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
	return { bytes: new Uint8Array(out), truncated: table.numRows > n };
}

/** Excel forbids : \ / ? * [ ] in sheet names and cuts them at 31 characters. */
function safeSheetName(name: string): string {
	return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}
