import type { Db } from '../db/types';
import { ident, literal } from '../db/sql';
import type { ColumnSpec, ColumnType, DatasetSpec } from './schema';
import { ROW, type StagingTable } from './staging';
import { BOOLEAN_FALSE, BOOLEAN_TRUE, cellValue, rawValue, ruleCase } from './validate';

export const SQL_TYPES: Record<ColumnType, string> = {
	text: 'VARCHAR',
	integer: 'INTEGER',
	number: 'DOUBLE',
	date: 'DATE',
	boolean: 'BOOLEAN'
};

function typedExpr(c: ColumnSpec, present: boolean, lenient: boolean, bare: boolean): string {
	const type = SQL_TYPES[c.type];
	// A missing column still exists, all NULL, so queries need not ask.
	if (!present) return `CAST(NULL AS ${type}) AS ${ident(c.name)}`;
	const v = bare ? rawValue(c.name) : cellValue(c.name);
	let expr: string;
	if (c.type === 'boolean') {
		const t = BOOLEAN_TRUE.map(literal).join(', ');
		const f = BOOLEAN_FALSE.map(literal).join(', ');
		expr = `CASE WHEN lower(${v}) IN (${t}) THEN TRUE WHEN lower(${v}) IN (${f}) THEN FALSE END`;
	} else expr = c.type === 'text' ? v : `CAST(${v} AS ${type})`;
	// Lenient: a cell that breaks any rule becomes NULL instead of failing the cast, and
	// is not checked again against other tables (it has its own problem already).
	if (lenient) expr = `CASE WHEN (${ruleCase(c, v)}) IS NULL THEN ${expr} END`;
	return `${expr} AS ${ident(c.name)}`;
}

/**
 * Cast a validated staging table into the typed table the KPIs query: the contract's
 * columns in the contract's order, unknown columns dropped. ROW is kept so that
 * cross-dataset checks can still name the row; `publishedColumns` leaves it out.
 *
 * Strict (default) casting of a table that failed validation throws. `lenient` nulls
 * the bad cells instead: such a table is good only for running the cross-dataset
 * checks on a file that has errors of its own, so one build reports both kinds.
 *
 * `bare` names columns known to have no cell with edge spaces (validateStaging says
 * which): they are cast as written, without trim().
 */
export async function createTypedTable(
	db: Db,
	st: StagingTable,
	opts: { target?: string; lenient?: boolean; bare?: readonly string[] } = {}
): Promise<void> {
	const target = opts.target ?? st.spec.name;
	const bare = new Set(opts.bare ?? []);
	const exprs = st.spec.columns.map((c) =>
		typedExpr(c, st.columns.includes(c.name), opts.lenient ?? false, bare.has(c.name))
	);
	await db.query(
		`CREATE OR REPLACE TABLE ${ident(target)} AS
		 SELECT ${ident(ROW)}, ${exprs.join(', ')} FROM ${ident(st.table)}`
	);
}

/** SELECT list of the published table: the contract's columns, without ROW. */
export function publishedColumns(spec: DatasetSpec): string {
	return spec.columns.map((c) => ident(c.name)).join(', ');
}
