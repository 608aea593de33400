/**
 * Reading a table the data may not have (published_figures is optional). The query is
 * tried first and the catalogue asked only when it fails: a first question to
 * duckdb_tables() or information_schema costs about 150 ms of one-time work in the
 * browser, on the path to the first live scorecard (measured in cold loads).
 */
import type { Table } from 'apache-arrow';
import type { Db } from './types';
import { literal } from './sql';

/** SQL: one row per table or view of this name in the main schema. */
export function relationSql(name: string): string {
	const n = literal(name);
	return `SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ${n}
UNION ALL SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND view_name = ${n} AND NOT internal`;
}

/** Is there a table or view of this name in the main schema? */
export async function relationExists(db: Db, name: string): Promise<boolean> {
	return (await db.query(relationSql(name))).numRows > 0;
}

/**
 * `sql`'s result, or null when the relation `name` it reads does not exist. Any other
 * failure (a missing column, a type error) is thrown as it came.
 */
export async function queryIfExists(db: Db, name: string, sql: string): Promise<Table | null> {
	try {
		return await db.query(sql);
	} catch (e) {
		if (await relationExists(db, name).catch(() => true)) throw e;
		return null;
	}
}
