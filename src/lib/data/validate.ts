import type { Db } from '../db/types';
import { ident, literal } from '../db/sql';
import { toRows } from '../db/rows';
import type { ColumnSpec } from './schema';
import { MAX_ABS_NUMBER, MAX_CELL_CHARS } from './limits';
import { MAX_PROBLEMS_PER_FILE, problem, type Details, type Problem, type ProblemCode } from './problems';
import { ROW, type StagingTable } from './staging';

export interface Found {
	problems: Problem[];
	/** Problems found beyond the per-file limit and therefore not listed. */
	omitted: number;
}

export interface Checked extends Found {
	/**
	 * Columns in which no cell starts or ends with a space: their cells need no trim()
	 * before casting (createTypedTable's `bare`), which at millions of rows is most of
	 * the cost of the cast.
	 */
	bare: string[];
}

/**
 * Check a staging table against its DatasetSpec: header first, then every cell in SQL
 * (one pass per column), then duplicate keys. Each cell gets at most one problem — the
 * first rule it breaks — so "mười" is reported as not a number, not also as below the
 * minimum.
 *
 * Clean data is the common case, so one aggregate over the table first asks whether
 * any cell breaks a rule, any text would draw a warning and any key repeats; only
 * the checks that found something then run in detail, to name file, row and column.
 * The screen may say "something" where the detail finds nothing (it then costs a
 * second pass), never the reverse.
 */
export async function validateStaging(db: Db, st: StagingTable): Promise<Checked> {
	const header = headerProblems(st);
	const present = st.spec.columns.filter((c) => st.columns.includes(c.name));
	const screen = await screenStaging(db, st, present);
	const cells = screen.cells ? await cellProblems(db, st, present) : NONE;
	const keys = screen.keys ? await duplicateKeys(db, st) : NONE;
	const warnings = screen.warnings ? await textWarnings(db, st, present) : [];
	return {
		problems: [...header, ...cells.problems, ...keys.problems, ...warnings],
		omitted: cells.omitted + keys.omitted,
		bare: screen.bare
	};
}

/**
 * The same checks without the screen: every detailed query runs. What validateStaging
 * must equal on any table (tests compare the two); slower on clean data.
 */
export async function validateInDetail(db: Db, st: StagingTable): Promise<Found> {
	const present = st.spec.columns.filter((c) => st.columns.includes(c.name));
	const cells = await cellProblems(db, st, present);
	const keys = await duplicateKeys(db, st);
	const warnings = await textWarnings(db, st, present);
	return {
		problems: [...headerProblems(st), ...cells.problems, ...keys.problems, ...warnings],
		omitted: cells.omitted + keys.omitted
	};
}

const NONE: Found = { problems: [], omitted: 0 };

export interface Screen {
	/** Some cell may break a rule of its column. */
	cells: boolean;
	/** Some key may repeat. */
	keys: boolean;
	/** Some text cell draws a warning. */
	warnings: boolean;
	bare: string[];
}

/** A cell as written, NULL when empty: equal to `cellValue` in a column without edge spaces. */
export const rawValue = (column: string) => `NULLIF(${ident(column)}, '')`;

// The characters DuckDB's trim() removes: U+0020 and the other Unicode space separators.
const OTHER_SPACES_RE = '[\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{202F}\\x{205F}\\x{3000}]';

/**
 * One aggregate over the staging table: per column, cells with edge spaces (unless the
 * reader already knows there are none), cells breaking a rule as written, and text
 * cells drawing a warning. Rules are checked on the untrimmed cell, which is the
 * trimmed one wherever the column has no edge spaces; a column that has some is
 * checked in detail anyway. Then, keys permitting, one GROUP BY for repeated keys.
 */
export async function screenStaging(db: Db, st: StagingTable, columns: ColumnSpec[]): Promise<Screen> {
	if (st.rows === 0 || columns.length === 0) return { cells: false, keys: false, warnings: false, bare: columns.map((c) => c.name) };
	const text = new Set(st.warningFree ? [] : warnedColumns(columns).map((c) => c.name));
	const terms: string[] = [];
	columns.forEach((c, i) => {
		const x = ident(c.name);
		if (!st.spaceFree) {
			terms.push(
				`count_if(starts_with(${x}, ' ') OR ends_with(${x}, ' ') OR regexp_matches(${x}, '${OTHER_SPACES_RE}')) AS e${i}`
			);
		}
		terms.push(`count_if((${ruleCase(c, `__v${i}`, true)}) IS NOT NULL) AS r${i}`);
		if (text.has(c.name)) terms.push(`count_if(${warningCase(x)} IS NOT NULL) AS w${i}`);
	});
	const values = columns.map((c, i) => `${rawValue(c.name)} AS __v${i}, ${ident(c.name)}`).join(', ');
	const [counts] = toRows<Record<string, number>>(
		await db.query(`SELECT ${terms.join(', ')} FROM (SELECT ${values} FROM ${ident(st.table)})`)
	);
	const spaced = new Set(columns.filter((_, i) => (counts[`e${i}`] ?? 0) > 0).map((c) => c.name));
	const cells = spaced.size > 0 || columns.some((_, i) => counts[`r${i}`] > 0);
	const warnings = columns.some((_, i) => (counts[`w${i}`] ?? 0) > 0);
	return { cells, keys: await mayRepeat(db, st, spaced), warnings, bare: columns.filter((c) => !spaced.has(c.name)).map((c) => c.name) };
}

/** Whether a key may repeat: exactly, when its columns have no edge spaces; else "maybe", for the detailed check. */
async function mayRepeat(db: Db, st: StagingTable, spaced: ReadonlySet<string>): Promise<boolean> {
	const key = st.spec.key;
	if (key.length === 0 || !key.every((k) => st.columns.includes(k))) return false;
	if (key.some((k) => spaced.has(k))) return true;
	const values = key.map(rawValue);
	const [{ n }] = toRows<{ n: number }>(
		await db.query(
			`SELECT count(*)::INTEGER AS n FROM (
			   SELECT 1 FROM ${ident(st.table)} WHERE ${values.map((v) => `${v} IS NOT NULL`).join(' AND ')}
			   GROUP BY ${values.join(', ')} HAVING count(*) > 1)`
		)
	);
	return n > 0;
}

function headerProblems(st: StagingTable): Problem[] {
	const at = (column: string) => ({ file: st.file, row: 1, column });
	const missing = st.spec.columns
		.filter((c) => c.required && !st.columns.includes(c.name))
		.map((c) => problem('missing_column', at(c.name)));
	const known = new Set(st.spec.columns.map((c) => c.name));
	const unknown = st.columns.filter((n) => !known.has(n)).map((n) => problem('unknown_column', at(n)));
	return [...missing, ...unknown];
}

/** The trimmed cell, NULL when empty: what the typed table will be cast from. */
export const cellValue = (column: string) => `NULLIF(trim(${ident(column)}), '')`;

// Plain decimal notation only: a comma or a thousands dot would be misread silently.
const NUMBER_RE = '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?';
const INTEGER_RE = '[+-]?[0-9]+';
const DATE_RE = '[0-9]{4}-[0-9]{2}-[0-9]{2}';
/** The range the upload's date reader accepts too (upload/values.ts). */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2200-12-31';
export const BOOLEAN_TRUE = ['true', '1'];
export const BOOLEAN_FALSE = ['false', '0'];

/**
 * SQL CASE giving the code of the first rule the cell breaks, or NULL. `v` is the
 * trimmed cell; callers may pass a column already holding it, so it is computed once.
 * `screen` measures the cell in bytes, not characters: cheaper, and never fewer, so a
 * screen that finds nothing still proves the cell fits.
 */
export function ruleCase(c: ColumnSpec, v = cellValue(c.name), screen = false): string {
	const when: string[] = [];
	if (c.required) when.push(`WHEN ${v} IS NULL THEN 'required'`);
	else when.push(`WHEN ${v} IS NULL THEN NULL`);
	when.push(`WHEN ${screen ? 'strlen' : 'length'}(${v}) > ${MAX_CELL_CHARS} THEN 'cell_too_long'`);
	switch (c.type) {
		case 'integer':
			when.push(`WHEN NOT regexp_full_match(${v}, '${INTEGER_RE}') OR TRY_CAST(${v} AS INTEGER) IS NULL THEN 'not_integer'`);
			break;
		case 'number':
			when.push(`WHEN NOT regexp_full_match(${v}, '${NUMBER_RE}') OR TRY_CAST(${v} AS DOUBLE) IS NULL THEN 'not_number'`);
			// inf and nan parse as DOUBLE; 1e30 is no amount of money.
			when.push(`WHEN NOT isfinite(TRY_CAST(${v} AS DOUBLE)) OR abs(TRY_CAST(${v} AS DOUBLE)) > ${MAX_ABS_NUMBER} THEN 'implausible_number'`);
			break;
		case 'date':
			when.push(`WHEN NOT regexp_full_match(${v}, '${DATE_RE}') OR TRY_CAST(${v} AS DATE) IS NULL THEN 'not_date'`);
			// 0000-01-01 is a valid DATE to DuckDB, and no date of these records.
			when.push(`WHEN TRY_CAST(${v} AS DATE) NOT BETWEEN DATE '${DATE_MIN}' AND DATE '${DATE_MAX}' THEN 'implausible_date'`);
			break;
		case 'boolean': {
			const ok = [...BOOLEAN_TRUE, ...BOOLEAN_FALSE].map(literal).join(', ');
			when.push(`WHEN lower(${v}) NOT IN (${ok}) THEN 'not_boolean'`);
			break;
		}
	}
	if (c.values) when.push(`WHEN ${v} NOT IN (${c.values.map(literal).join(', ')}) THEN 'not_allowed'`);
	// RE2 (DuckDB) understands the contract's patterns as written for JS.
	if (c.pattern) when.push(`WHEN NOT regexp_full_match(${v}, ${literal(c.pattern.source)}) THEN 'bad_pattern'`);
	if (c.min !== undefined) when.push(`WHEN TRY_CAST(${v} AS DOUBLE) < ${literal(c.min)} THEN 'below_min'`);
	if (c.max !== undefined) when.push(`WHEN TRY_CAST(${v} AS DOUBLE) > ${literal(c.max)} THEN 'above_max'`);
	return `CASE ${when.join(' ')} END`;
}

async function cellProblems(db: Db, st: StagingTable, columns: ColumnSpec[]): Promise<Found> {
	if (columns.length === 0 || st.rows === 0) return { problems: [], omitted: 0 };
	const parts = columns.map(
		(c, i) =>
			`SELECT row, ${i} AS ord, ${literal(c.name)} AS col, value, ${ruleCase(c, 'v')} AS code
			 FROM (SELECT ${ident(ROW)} AS row, ${ident(c.name)} AS value, ${cellValue(c.name)} AS v FROM ${ident(st.table)})`
	);
	const rows = toRows<{ row: number; col: string; value: string | null; code: ProblemCode; total: number }>(
		await db.query(
			`WITH found AS (SELECT * FROM (${parts.join('\nUNION ALL\n')}) WHERE code IS NOT NULL)
			 SELECT row, col, value, code, count(*) OVER () AS total
			 FROM found ORDER BY row, ord LIMIT ${MAX_PROBLEMS_PER_FILE}`
		)
	);
	const byName = new Map(columns.map((c) => [c.name, c]));
	const problems = rows.map((r) => {
		const c = byName.get(r.col)!;
		const details = r.code === 'cell_too_long' ? { found: [...(r.value ?? '')].length, bound: MAX_CELL_CHARS } : ruleDetails(r.code, c);
		return problem(r.code, { file: st.file, row: r.row, column: r.col, value: r.value }, details);
	});
	return { problems, omitted: Math.max(0, (rows[0]?.total ?? 0) - rows.length) };
}

function ruleDetails(code: ProblemCode, c: ColumnSpec): Details {
	switch (code) {
		case 'not_allowed':
			return { allowed: c.values };
		case 'bad_pattern':
			return { pattern: c.pattern?.source };
		case 'below_min':
			return { bound: c.min };
		case 'above_max':
			return { bound: c.max };
		case 'implausible_number':
			return { bound: MAX_ABS_NUMBER };
		case 'implausible_date':
			return { date: DATE_MIN, detail: DATE_MAX };
		default:
			return {};
	}
}

// Text decoded with the wrong code page: UTF-8 read as Latin-1/1252 shows "Ã¡" for "á"
// and "áº¡" for "ạ"; C1 control characters never occur in real text.
const MOJIBAKE_RE = '[ÃÄÆ][\\x{80}-\\x{BF}]|á[º»][\\x{80}-\\x{BF}]|[\\x{80}-\\x{9F}]';
// What a spreadsheet would run as a formula if the text were pasted back into one.
const FORMULA_RE = '^[=@\\t\\r]|^[+-].*[A-Za-z(|!]';

/** Free text columns: the ones whose cells are kept as written and may draw a warning. */
const warnedColumns = (columns: ColumnSpec[]) => columns.filter((c) => c.type === 'text' && !c.values && !c.pattern);

/** SQL CASE giving the warning a text cell draws, or NULL. */
const warningCase = (x: string) =>
	`CASE WHEN length(${x}) > ${MAX_CELL_CHARS} THEN NULL
	      WHEN regexp_matches(${x}, '${MOJIBAKE_RE}') THEN 'mojibake'
	      WHEN regexp_matches(${x}, '${FORMULA_RE}') THEN 'formula_text' END`;

/**
 * Warnings on text cells whose value is kept as written: garbled encoding, and text that
 * a spreadsheet would take for a formula. At most the per-file limit of each.
 */
async function textWarnings(db: Db, st: StagingTable, columns: ColumnSpec[]): Promise<Problem[]> {
	const text = warnedColumns(columns);
	if (text.length === 0 || st.rows === 0) return [];
	const parts = text.map(
		(c, i) =>
			`SELECT ${ident(ROW)} AS row, ${i} AS ord, ${literal(c.name)} AS col, ${ident(c.name)} AS value, ${warningCase(ident(c.name))} AS code
			 FROM ${ident(st.table)}`
	);
	const rows = toRows<{ row: number; col: string; value: string; code: ProblemCode }>(
		await db.query(
			`SELECT row, col, value, code FROM (${parts.join('\nUNION ALL\n')}) WHERE code IS NOT NULL ORDER BY row, ord LIMIT ${MAX_PROBLEMS_PER_FILE}`
		)
	);
	return rows.map((r) => problem(r.code, { file: st.file, row: r.row, column: r.col, value: r.value }));
}

/** Second and later rows with a key already seen, each pointing at the first one. */
async function duplicateKeys(db: Db, st: StagingTable): Promise<Found> {
	const key = st.spec.key;
	if (key.length === 0 || st.rows === 0 || !key.every((k) => st.columns.includes(k))) {
		return { problems: [], omitted: 0 };
	}
	const values = key.map(cellValue);
	const rows = toRows<{ row: number; first_row: number; key: string; total: number }>(
		await db.query(
			`WITH k AS (
			   SELECT ${ident(ROW)} AS row, concat_ws(', ', ${values.join(', ')}) AS key,
			          min(${ident(ROW)}) OVER (PARTITION BY ${values.join(', ')}) AS first_row
			   FROM ${ident(st.table)}
			   WHERE ${values.map((v) => `${v} IS NOT NULL`).join(' AND ')}
			 )
			 SELECT row, first_row, key, count(*) OVER () AS total
			 FROM k WHERE row > first_row ORDER BY row LIMIT ${MAX_PROBLEMS_PER_FILE}`
		)
	);
	const column = key.join(', ');
	const problems = rows.map((r) =>
		problem('duplicate_key', { file: st.file, row: r.row, column, value: r.key }, { firstRow: r.first_row })
	);
	return { problems, omitted: Math.max(0, (rows[0]?.total ?? 0) - rows.length) };
}
