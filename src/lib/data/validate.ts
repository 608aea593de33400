import type { Db } from '../db/types';
import { ident, literal } from '../db/sql';
import { toRows } from '../db/rows';
import type { ColumnSpec } from './schema';
import { MAX_ABS_NUMBER, MAX_CELL_CHARS } from './limits';
import { MAX_PROBLEMS_PER_FILE, problem, type Details, type Problem, type ProblemCode } from './problems';
import { ROW, type StagingTable } from './staging';

export interface Checked {
	problems: Problem[];
	/** Problems found beyond the per-file limit and therefore not listed. */
	omitted: number;
}

/**
 * Check a staging table against its DatasetSpec: header first, then every cell in SQL
 * (one pass per column), then duplicate keys. Each cell gets at most one problem — the
 * first rule it breaks — so "mười" is reported as not a number, not also as below the
 * minimum.
 */
export async function validateStaging(db: Db, st: StagingTable): Promise<Checked> {
	const header = headerProblems(st);
	const present = st.spec.columns.filter((c) => st.columns.includes(c.name));
	const cells = await cellProblems(db, st, present);
	const keys = await duplicateKeys(db, st);
	const warnings = await textWarnings(db, st, present);
	return { problems: [...header, ...cells.problems, ...keys.problems, ...warnings], omitted: cells.omitted + keys.omitted };
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
 */
export function ruleCase(c: ColumnSpec, v = cellValue(c.name)): string {
	const when: string[] = [];
	if (c.required) when.push(`WHEN ${v} IS NULL THEN 'required'`);
	else when.push(`WHEN ${v} IS NULL THEN NULL`);
	when.push(`WHEN length(${v}) > ${MAX_CELL_CHARS} THEN 'cell_too_long'`);
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

async function cellProblems(db: Db, st: StagingTable, columns: ColumnSpec[]): Promise<Checked> {
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

/**
 * Warnings on text cells whose value is kept as written: garbled encoding, and text that
 * a spreadsheet would take for a formula. At most the per-file limit of each.
 */
async function textWarnings(db: Db, st: StagingTable, columns: ColumnSpec[]): Promise<Problem[]> {
	const text = columns.filter((c) => c.type === 'text' && !c.values && !c.pattern);
	if (text.length === 0 || st.rows === 0) return [];
	const parts = text.map(
		(c, i) =>
			`SELECT ${ident(ROW)} AS row, ${i} AS ord, ${literal(c.name)} AS col, ${ident(c.name)} AS value,
			   CASE WHEN regexp_matches(${ident(c.name)}, '${MOJIBAKE_RE}') THEN 'mojibake'
			        WHEN regexp_matches(${ident(c.name)}, '${FORMULA_RE}') THEN 'formula_text' END AS code
			 FROM ${ident(st.table)} WHERE length(${ident(c.name)}) <= ${MAX_CELL_CHARS}`
	);
	const rows = toRows<{ row: number; col: string; value: string; code: ProblemCode }>(
		await db.query(
			`SELECT row, col, value, code FROM (${parts.join('\nUNION ALL\n')}) WHERE code IS NOT NULL ORDER BY row, ord LIMIT ${MAX_PROBLEMS_PER_FILE}`
		)
	);
	return rows.map((r) => problem(r.code, { file: st.file, row: r.row, column: r.col, value: r.value }));
}

/** Second and later rows with a key already seen, each pointing at the first one. */
async function duplicateKeys(db: Db, st: StagingTable): Promise<Checked> {
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
