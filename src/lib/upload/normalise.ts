/**
 * A raw sheet → the text columns the loader validates, with every normalisation
 * listed. Pure: the same sheet and mapping give the same result in a test, on the
 * /data page and when stored uploads are re-applied after a reload.
 *
 * What is read how is decided per column from the contract's type (schema.ts):
 * "15.590" is a number only in a number column, 44692 is a date only in a date
 * column, "Thực phẩm" is `food` only where `food` is an allowed value.
 */
import type { ColumnSpec, ColumnType, DatasetSpec } from '../data/schema';
import { cellText, isFileDate, widest, type RawCell, type RawSheet } from './cells';
import { columnLabels, detectHeader, fillMerges, sheetTop, isColumnNumbersRow, matchedColumns, totalLabel, type HeaderChoice } from './detect';
import { BOOLEAN_LABELS, VALUE_SUFFIXES, columnMatcher, isOrdinalLabel, valueMatcher } from './headers';
import { note, type Note, type NoteCode } from './notes';
import { slug } from './text';
import {
	fileDate,
	numberStyle,
	padCode,
	provinceKey,
	provinceLookup,
	readBoolean,
	readDate,
	readNumber,
	readSerial,
	stripSuffix,
	type ChangeKind,
	type NumberStyle,
	type Read
} from './values';

export type Target = { kind: 'replace'; dataset: string } | { kind: 'new'; table: string };

export interface SheetMapping {
	header: HeaderChoice;
	/** Per column of the sheet: the column it fills, or null to leave it out. */
	columns: (string | null)[];
	/** Columns the file lacks, filled with one value for every row. */
	constants: Record<string, string>;
	/** New tables: the type of each column (inferred unless set). */
	types?: Record<string, ColumnType>;
}

export interface Lookups {
	provinces: readonly { code: string; name_vi: string; name_en?: string | null }[];
}

export interface SourceColumn {
	index: number;
	/** Column letter in the sheet. */
	letter: string;
	label: string | null;
	/** What the label table suggests, null if nothing. */
	suggested: string | null;
	ordinal: boolean;
}

export interface Normalised {
	spec: DatasetSpec;
	mapping: SheetMapping;
	sources: SourceColumn[];
	/** Staging columns (contract names), in order. */
	columns: string[];
	/** Row number in the file of each record. */
	rows: number[];
	/** values[c][i]: text of column c in record i, null when empty. */
	values: (string | null)[][];
	notes: Note[];
	/** Contract column → header in the file, for messages. */
	labels: Record<string, string>;
}

/** Contract columns a file may leave out because one value fits every row. */
export const DEFAULT_CONSTANTS: Record<string, string> = { provenance: 'published' };

/** What the sheet looks like to the label table: its header and the suggested columns. */
export function inspectSheet(sheet: RawSheet, target: Target, spec: DatasetSpec | null, header?: HeaderChoice): {
	header: HeaderChoice | null;
	sources: SourceColumn[];
} {
	// Only the top of a long sheet is needed (and copied) to read its header.
	const { grid } = fillMerges(sheetTop(sheet, Math.max(32, header ? header.row + header.span + 1 : 0)));
	const match = target.kind === 'replace' && spec ? columnMatcher(spec) : null;
	const h = header ?? detectHeader(grid, match);
	if (!h) return { header: null, sources: [] };
	const labels = columnLabels(grid, h);
	const matched = match ? matchedColumns(labels, match) : new Map<number, string>();
	const width = widest(sheet.rows, Math.max(labels.length, grid[0]?.length ?? 0));
	const used = new Set<string>();
	const sources = Array.from({ length: width }, (_, c): SourceColumn => {
		const label = labels[c]?.display ?? null;
		const ordinal = label !== null && isOrdinalLabel(label);
		let suggested: string | null = null;
		if (match) suggested = matched.get(c) ?? null;
		else if (label && !ordinal) {
			const base = slug(label) || `column_${c + 1}`;
			let name = base;
			for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
			used.add(name);
			suggested = name;
		}
		return { index: c, letter: sheet.columnNames[c] ?? String(c + 1), label, suggested, ordinal };
	});
	return { header: h, sources };
}

/** The mapping a sheet gets without anyone touching it. */
export function autoMapping(sheet: RawSheet, target: Target, spec: DatasetSpec | null): SheetMapping | null {
	const { header, sources } = inspectSheet(sheet, target, spec);
	if (!header) return null;
	const columns = sources.map((s) => (s.ordinal ? null : s.suggested));
	const constants: Record<string, string> = {};
	if (spec && target.kind === 'replace') {
		for (const [col, value] of Object.entries(DEFAULT_CONSTANTS)) {
			if (spec.columns.some((c) => c.name === col) && !columns.includes(col)) constants[col] = value;
		}
	}
	return { header, columns, constants };
}

/** How many contract columns a sheet's header names: used to suggest a dataset. */
export function matchScore(sheet: RawSheet, spec: DatasetSpec): number {
	const { grid } = fillMerges(sheetTop(sheet));
	const match = columnMatcher(spec);
	const h = detectHeader(grid, match);
	return h ? matchedColumns(columnLabels(grid, h), match).size : 0;
}

export function normaliseSheet(
	sheet: RawSheet,
	target: Target,
	contract: DatasetSpec | null,
	mapping: SheetMapping,
	lookups: Lookups
): Normalised {
	const notes: Note[] = [];
	const { grid, filled } = fillMerges(sheet);
	const { sources } = inspectSheet(sheet, target, contract, mapping.header);
	const rowNo = (i: number) => sheet.rowNumbers[i] ?? i + 1;
	const h = mapping.header;
	const headerEnd = h.row + h.span;

	notes.push(note('header', { rows: Array.from({ length: h.span }, (_, k) => rowNo(h.row + k)) }, String(h.row)));
	let first = headerEnd;
	if (grid[first] && isColumnNumbersRow(grid[first])) {
		notes.push(note('column_numbers', { rows: [rowNo(first)] }));
		first++;
	}

	const used = mapping.columns.map((col, c) => (col ? c : -1)).filter((c) => c >= 0);
	const isBlank = (i: number) => used.every((c) => cellText(grid[i][c] ?? null) === null);

	// Records run to the end, less a total row near the bottom and anything after it.
	let end = grid.length;
	const endNotes: Note[] = [];
	const tail = [];
	for (let i = grid.length - 1; i >= first && tail.length < 10; i--) if (!isBlank(i) || totalLabel(grid[i])) tail.push(i);
	for (const i of tail) {
		const label = totalLabel(grid[i]);
		if (!label) continue;
		const after = [];
		for (let k = i + 1; k < grid.length; k++) if (grid[k].some((v) => cellText(v) !== null)) after.push(k);
		endNotes.push(note('total_row', { rows: [rowNo(i)], from: label }));
		if (after.length) endNotes.push(note('footer_rows', { rows: after.map(rowNo) }));
		end = i;
		break;
	}

	const records: number[] = [];
	const blank: number[] = [];
	for (let i = first; i < end; i++) (isBlank(i) ? blank : records).push(i);
	if (blank.length) notes.push(note('blank_rows', { rows: blank.map(rowNo) }));
	// A text file (no sheet name) says where each value ends only by its separators: a
	// record with more or fewer of them than the header has its values in the wrong
	// columns, which no check of a single cell can see. Workbooks have real cells.
	if (sheet.name === null) {
		const width = sheet.rows[h.row + h.span - 1]?.length ?? 0;
		const ragged = records.filter((i) => sheet.rows[i].length !== width && sheet.rows[i].some((v) => cellText(v) !== null));
		if (ragged.length) notes.push(note('ragged_row', { rows: ragged.map(rowNo) }, String(width)));
	}
	notes.push(...endNotes);

	const dataFills = filled.filter((f) => f.r >= first && f.r < end && used.includes(f.c));
	if (dataFills.length) {
		const where = [...new Set(dataFills.map((f) => `${sheet.columnNames[f.c] ?? f.c + 1}${rowNo(f.r)}`))].slice(0, 6).join(', ');
		notes.push(note('merged_cells', { count: dataFills.length, rows: [...new Set(dataFills.map((f) => rowNo(f.r)))] }, where + (dataFills.length > 6 ? ', …' : '')));
	}

	for (const s of sources) {
		if (mapping.columns[s.index]) continue;
		const hasData = records.some((i) => cellText(grid[i][s.index] ?? null) !== null);
		if (!s.label && !hasData) continue;
		const code: NoteCode = s.ordinal ? 'ordinal_column' : s.suggested ? 'ignored_column' : 'unmatched_column';
		notes.push(note(code, { label: s.label ?? s.letter }));
	}

	const spec = contract && target.kind === 'replace' ? contract : inferSpec(target, mapping, grid, records);
	const byName = new Map(spec.columns.map((c) => [c.name, c]));
	const provinces = provinceLookup(lookups.provinces);
	const columns: string[] = [];
	const values: (string | null)[][] = [];
	const labels: Record<string, string> = {};

	mapping.columns.forEach((name, c) => {
		if (!name) return;
		const label = sources[c]?.label ?? name;
		const col = byName.get(name);
		columns.push(name);
		labels[name] = label;
		const cells = records.map((i) => grid[i][c] ?? null);
		if (!col) {
			// Not a contract column: kept as text so validation names it (unknown column).
			values.push(cells.map(cellText));
			return;
		}
		const out = normaliseColumn(col, cells, records.map(rowNo), provinces);
		values.push(out.values);
		for (const [kind, n] of out.changes) {
			notes.push(note(kind, { column: name, label, rows: n.rows, count: n.rows.length, from: n.from, to: n.to }));
		}
	});

	for (const [name, value] of Object.entries(mapping.constants)) {
		if (columns.includes(name) || value === '') continue;
		columns.push(name);
		values.push(records.map(() => value));
		notes.push(note('constant', { column: name, to: value }));
	}

	return { spec, mapping, sources, columns, rows: records.map(rowNo), values, notes, labels };
}

interface ChangeLog {
	rows: number[];
	from: string;
	to: string;
}

/** One column's cells → text in the loader's plain format, and what was changed where. */
export function normaliseColumn(
	col: ColumnSpec,
	cells: RawCell[],
	rows: number[],
	provinces: Map<string, string | null> = new Map()
): { values: (string | null)[]; changes: Map<ChangeKind | 'composed', ChangeLog> } {
	const changes = new Map<ChangeKind | 'composed', ChangeLog>();
	const log = (kind: ChangeKind | 'composed', row: number, from: string, to: string) => {
		const entry = changes.get(kind);
		if (entry) entry.rows.push(row);
		else changes.set(kind, { rows: [row], from, to });
	};
	const strings = cells.filter((v): v is string => typeof v === 'string');
	const style: NumberStyle = col.type === 'number' || col.type === 'integer' ? numberStyle(strings) : 'vi';
	const read = cellReader(col, style, provinces);
	const values = cells.map((v, i) => {
		const text = cellText(v);
		if (text === null) return null;
		// Trimming is the loader's job too; only a change of composition is news.
		if (typeof v === 'string' && v.trim() !== text) log('composed', rows[i], v.trim(), text);
		const out = read(v, text);
		if (out.change) log(out.change, rows[i], typeof v === 'string' ? v.trim() : text, out.text);
		return out.text;
	});
	return { values, changes };
}

/** How one column's cells are read, prepared once per column (label tables, suffixes). */
function cellReader(col: ColumnSpec, style: NumberStyle, provinces: Map<string, string | null>): (v: RawCell, text: string) => Read {
	const none = (text: string): Read => ({ text, change: null });
	switch (col.type) {
		case 'integer':
		case 'number': {
			const suffixes = VALUE_SUFFIXES[col.name];
			const integer = col.type === 'integer';
			return (v, text) => {
				if (typeof v !== 'string') return none(text);
				const unsuffixed = suffixes ? stripSuffix(text, suffixes) : none(text);
				const read = readNumber(unsuffixed.text, style, integer);
				return { text: read.text, change: read.change ?? unsuffixed.change };
			};
		}
		case 'date':
			return (v, text) => {
				if (isFileDate(v)) return fileDate(v.date);
				if (typeof v === 'number') return readSerial(v, text);
				if (typeof v === 'string') return readDate(text);
				return none(text);
			};
		case 'boolean':
			return (v, text) => (typeof v === 'string' ? readBoolean(text, BOOLEAN_LABELS) : none(text));
		case 'text': {
			const values = valueMatcher(col);
			const province = col.ref === 'province';
			return (_v, text) => {
				if (values) {
					const code = values(text);
					if (code !== null) return { text: code, change: code === text ? null : 'value_label' };
				}
				if (province && !/^\d+$/.test(text)) {
					const code = provinces.get(provinceKey(text));
					if (code) return { text: code, change: 'province_name' };
				}
				return padCode(text, col.pattern);
			};
		}
	}
}

/** A contract for a new table: the mapped columns with types read from the values. */
function inferSpec(target: Target, mapping: SheetMapping, grid: RawCell[][], records: number[]): DatasetSpec {
	const name = target.kind === 'new' ? target.table : target.dataset;
	const columns: ColumnSpec[] = [];
	mapping.columns.forEach((col, c) => {
		if (!col) return;
		const type = mapping.types?.[col] ?? inferType(records.map((i) => grid[i][c] ?? null));
		columns.push({ name: col, type, required: false, description_vi: col, description_en: col });
	});
	return { name, title_vi: name, title_en: name, columns, key: [], required: false };
}

/**
 * The narrowest type every value fits. Codes with leading zeros ("01") stay text;
 * a column of numbers is never read as dates.
 */
export function inferType(cells: RawCell[]): ColumnType {
	const present = cells.filter((v) => cellText(v) !== null);
	if (present.length === 0) return 'text';
	if (present.every((v) => typeof v === 'boolean')) return 'boolean';
	const strings = present.filter((v): v is string => typeof v === 'string').map((v) => v.trim());
	if (!strings.some((s) => /^0\d/.test(s))) {
		const style = numberStyle(strings);
		const nums = present.map((v) =>
			typeof v === 'number' ? v : typeof v === 'string' ? Number(readNumber(v, style, false).text) : NaN
		);
		if (nums.every((n) => Number.isFinite(n))) {
			return nums.every((n) => Number.isInteger(n) && Math.abs(n) < 2 ** 31) ? 'integer' : 'number';
		}
	}
	const isDate = (v: RawCell) => isFileDate(v) || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(readDate(v).text) && !/^\d{5}$/.test(v.trim()));
	if (present.every(isDate)) return 'date';
	return 'text';
}
