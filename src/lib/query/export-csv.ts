/**
 * A result as CSV for Excel and for other tools: UTF-8 with a byte-order mark (without
 * it Excel reads Vietnamese as mojibake), comma-separated, CRLF line ends, values
 * exact (full precision, ISO dates), NULL as an empty field.
 *
 * Text that a spreadsheet would take for a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe: a cell such as `=HYPERLINK(...)` coming
 * from an uploaded file must not run when the export is opened (CSV/formula injection).
 * Numbers are written as numbers, so a negative number is not touched.
 */
import type { Table } from 'apache-arrow';
import { resultColumns, isNumeric, type ResultColumn } from './cells';

export const BOM = '\uFEFF';

/** Text a spreadsheet would read as a formula (or a DDE call) when typed or imported. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet. */
export function neutralise(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(field: string): string {
	return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

function field(col: ResultColumn, row: number): string {
	const text = col.text(row);
	if (text === '' || isNumeric(col.kind) || col.kind === 'bool') return text;
	return quote(neutralise(text));
}

export function toCsv(table: Table): string {
	const cols = resultColumns(table);
	const parts: string[] = [BOM + cols.map((c) => quote(neutralise(c.name))).join(',')];
	// Rows are joined in blocks so a million-row export does not hold a million small strings.
	const BLOCK = 10_000;
	for (let start = 0; start < table.numRows; start += BLOCK) {
		const lines: string[] = [];
		const end = Math.min(table.numRows, start + BLOCK);
		for (let r = start; r < end; r++) lines.push(cols.map((c) => field(c, r)).join(','));
		parts.push(lines.join('\r\n'));
	}
	return parts.join('\r\n') + '\r\n';
}
