import type { Db } from '../db/types';
import { ident, literal } from '../db/sql';
import type { ColumnSpec, ColumnType, DatasetSpec } from './schema';
import { ROW, type StagingTable } from './staging';
import { BOOLEAN_FALSE, BOOLEAN_TRUE, cellValue } from './validate';

export const SQL_TYPES: Record<ColumnType, string> = {
	text: 'VARCHAR',
	integer: 'INTEGER',
	number: 'DOUBLE',
	date: 'DATE',
	boolean: 'BOOLEAN'
};

function typedExpr(c: ColumnSpec, present: boolean): string {
	const type = SQL_TYPES[c.type];
	// A missing optional column still exists, all NULL, so queries need not ask.
	if (!present) return `CAST(NULL AS ${type}) AS ${ident(c.name)}`;
	const v = cellValue(c.name);
	if (c.type === 'boolean') {
		const t = BOOLEAN_TRUE.map(literal).join(', ');
		const f = BOOLEAN_FALSE.map(literal).join(', ');
		return `CASE WHEN lower(${v}) IN (${t}) THEN TRUE WHEN lower(${v}) IN (${f}) THEN FALSE END AS ${ident(c.name)}`;
	}
	return c.type === 'text' ? `${v} AS ${ident(c.name)}` : `CAST(${v} AS ${type}) AS ${ident(c.name)}`;
}

/**
 * Cast a validated staging table into the typed table the KPIs query: the contract's
 * columns in the contract's order, unknown columns dropped. ROW is kept so that
 * cross-dataset checks can still name the row; `publishedColumns` leaves it out.
 * Casting a table that failed validation throws.
 */
export async function createTypedTable(db: Db, st: StagingTable, target = st.spec.name): Promise<void> {
	const exprs = st.spec.columns.map((c) => typedExpr(c, st.columns.includes(c.name)));
	await db.query(
		`CREATE OR REPLACE TABLE ${ident(target)} AS
		 SELECT ${ident(ROW)}, ${exprs.join(', ')} FROM ${ident(st.table)} ORDER BY ${ident(ROW)}`
	);
}

/** SELECT list of the published table: the contract's columns, without ROW. */
export function publishedColumns(spec: DatasetSpec): string {
	return spec.columns.map((c) => ident(c.name)).join(', ');
}
