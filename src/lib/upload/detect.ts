/**
 * Finding the table inside a sheet as departments lay it out: a title block above
 * (ministry, report name, date), a header of one or two rows with merged cells
 * ("Quyết định công nhận" over "Số" and "Ngày"), sometimes a row numbering the
 * columns (1), (2)…, then the records, then a "Tổng cộng" row and signatures.
 */
import { cellText, widest, type RawCell, type RawSheet } from './cells';
import { labelKey } from './text';

/** A copy of the sheet's rows with every merged range holding its top-left value. */
export function fillMerges(sheet: RawSheet): { grid: RawCell[][]; filled: { r: number; c: number }[] } {
	const width = widest(sheet.rows, Math.max(0, ...sheet.merges.map((m) => m.e.c + 1)));
	const grid = sheet.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
	const filled: { r: number; c: number }[] = [];
	for (const m of sheet.merges) {
		const v = grid[m.s.r]?.[m.s.c] ?? null;
		if (v === null) continue;
		for (let r = m.s.r; r <= m.e.r && r < grid.length; r++) {
			for (let c = m.s.c; c <= m.e.c; c++) {
				if ((r === m.s.r && c === m.s.c) || grid[r][c] !== null) continue;
				grid[r][c] = v;
				filled.push({ r, c });
			}
		}
	}
	return { grid, filled };
}

export interface HeaderChoice {
	/** Index into the sheet's rows of the (first) header row. */
	row: number;
	span: 1 | 2;
}

export interface ColumnLabel {
	/** As shown: "Quyết định công nhận › Số". */
	display: string | null;
	/** Readings to try against the label table, best first. */
	readings: string[];
}

/** The label of every column under a header of one or two rows. */
export function columnLabels(grid: RawCell[][], h: HeaderChoice): ColumnLabel[] {
	const top = grid[h.row] ?? [];
	const bottom = h.span === 2 ? (grid[h.row + 1] ?? []) : [];
	const width = Math.max(top.length, bottom.length);
	return Array.from({ length: width }, (_, c) => {
		const t = textOf(top[c]);
		const b = textOf(bottom[c]);
		if (!b || (t && labelKey(t) === labelKey(b))) return { display: t, readings: t ? [t] : [] };
		if (!t) return { display: b, readings: [b] };
		return { display: `${t} › ${b}`, readings: [`${t} ${b}`, `${b} ${t}`, b, t] };
	});
}

const textOf = (v: RawCell | undefined): string | null => (typeof v === 'string' ? cellText(v) : v == null ? null : cellText(v));

const SCAN_ROWS = 30;

/** The top of a sheet, where a header can be: enough to detect one without copying a long sheet. */
export function sheetTop(sheet: RawSheet, rows = SCAN_ROWS + 2): RawSheet {
	if (sheet.rows.length <= rows) return sheet;
	return {
		...sheet,
		rows: sheet.rows.slice(0, rows),
		rowNumbers: sheet.rowNumbers.slice(0, rows),
		merges: sheet.merges.filter((m) => m.s.r < rows).map((m) => ({ s: m.s, e: { r: Math.min(m.e.r, rows - 1), c: m.e.c } }))
	};
}

/**
 * The header row (or pair of rows) under which the most cells name columns of the
 * dataset. A second row counts only when it names more columns than the first alone
 * (a merged parent with its children), never because a data row happens to match.
 */
export function detectHeader(grid: RawCell[][], match: ((label: string) => string | null) | null): HeaderChoice | null {
	if (!match) return detectGenericHeader(grid);
	let best: { h: HeaderChoice; score: number } | null = null;
	const limit = Math.min(grid.length, SCAN_ROWS);
	const single = Array.from({ length: limit + 1 }, (_, r) =>
		r < grid.length ? matchedColumns(columnLabels(grid, { row: r, span: 1 }), match).size : 0
	);
	for (let r = 0; r < limit; r++) {
		if (single[r] > (best?.score ?? 1)) best = { h: { row: r, span: 1 }, score: single[r] };
		if (r + 1 >= grid.length) continue;
		// A title merged over the header adds nothing: two rows must beat each row alone.
		const pair = matchedColumns(columnLabels(grid, { row: r, span: 2 }), match).size;
		if (pair > single[r] && pair > single[r + 1] && pair > (best?.score ?? 1)) best = { h: { row: r, span: 2 }, score: pair };
	}
	return best?.h ?? null;
}

/** The contract columns the labels name (each once). */
export function matchedColumns(labels: ColumnLabel[], match: (label: string) => string | null): Map<number, string> {
	const found = new Map<number, string>();
	const taken = new Set<string>();
	labels.forEach((l, c) => {
		for (const reading of l.readings) {
			const col = match(reading);
			if (col && !taken.has(col)) {
				found.set(c, col);
				taken.add(col);
				return;
			}
		}
	});
	return found;
}

/**
 * Without a contract (a new table): the first row with as many distinct texts as the
 * widest rows near the top, since titles are one cell (or one merged cell) wide.
 * Two rows when the header row merges cells across columns.
 */
function detectGenericHeader(grid: RawCell[][]): HeaderChoice | null {
	const limit = Math.min(grid.length, SCAN_ROWS);
	const distinctTexts = (row: RawCell[]) => new Set(row.filter((v) => typeof v === 'string' && v.trim() !== '').map((v) => (v as string).trim())).size;
	const filled = (row: RawCell[]) => row.filter((v) => v !== null && !(typeof v === 'string' && v.trim() === '')).length;
	const wide = Math.max(0, ...grid.slice(0, limit).map(filled));
	if (wide === 0) return null;
	for (let r = 0; r < limit; r++) {
		const texts = distinctTexts(grid[r]);
		if (texts >= Math.max(1, Math.ceil(wide * 0.6)) && texts >= filled(grid[r]) * 0.8) {
			const next = grid[r + 1];
			const twoRows = next && hasRepeatedRuns(grid[r]) && distinctTexts(next) > 0 && distinctTexts(next) >= filled(next) * 0.8;
			return { row: r, span: twoRows ? 2 : 1 };
		}
	}
	return { row: 0, span: 1 };
}

/** A filled merge shows as the same text in neighbouring cells. */
function hasRepeatedRuns(row: RawCell[]): boolean {
	for (let c = 1; c < row.length; c++) {
		if (typeof row[c] === 'string' && row[c] !== '' && row[c] === row[c - 1]) return true;
	}
	return false;
}

/** "(1) (2) (3)…" or "A B 1 2 3" under the header, as in official report forms. */
export function isColumnNumbersRow(row: RawCell[]): boolean {
	const texts = row.map((v) => (v == null ? null : cellText(v))).filter((v): v is string => v !== null);
	if (texts.length < 3) return false;
	const numbers: number[] = [];
	for (const t of texts) {
		const m = /^\(?\s*(\d{1,2}|[A-Z]{1,2})\s*\)?$/.exec(t);
		if (!m) return false;
		if (/^\d+$/.test(m[1])) numbers.push(Number(m[1]));
	}
	return numbers.length >= 3 && numbers.every((n, i) => i === 0 || n > numbers[i - 1]);
}

/**
 * "Tổng cộng", "Tổng", "Cộng", "Tổng số", optionally with ":" or "(I+II)" or
 * "toàn tỉnh" after it — but not "Cộng đồng…", which is a name.
 */
const TOTAL = /^(tổng\s+cộng|tổng\s+số|tổng|cộng)(\s*[:.]?|\s*\(.*\)|\s+(toàn|cả|chung)(\s.*)?)$/i;

export function isTotalLabel(text: string): boolean {
	return TOTAL.test(text.normalize('NFC').trim());
}

/** The first non-empty text of the row, if it is a total label. */
export function totalLabel(row: RawCell[]): string | null {
	for (const v of row) {
		const t = v == null ? null : cellText(v);
		if (t === null) continue;
		return typeof v === 'string' && isTotalLabel(t) ? t : null;
	}
	return null;
}
