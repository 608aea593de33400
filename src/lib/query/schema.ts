/**
 * What the console's schema browser and completion know: every table and view in the
 * live DuckDB with its columns, types and (for tables) exact row count, and the names of
 * DuckDB's functions. Read from DuckDB's own catalogue, so a table an analyst creates
 * appears after the next refresh.
 */
import type { Completion } from '@codemirror/autocomplete';
import type { SQLNamespace } from '@codemirror/lang-sql';
import type { Db } from '../db/types';
import { toRows } from '../db/rows';
import { ident, literal } from '../db/sql';

export interface SchemaColumn {
	name: string;
	type: string;
}

export interface SchemaTable {
	/** DuckDB schema ('main' for the app's datasets). */
	schema: string;
	name: string;
	kind: 'table' | 'view';
	/** Exact count for tables; null for views (counting one would run its query). */
	rows: number | null;
	columns: SchemaColumn[];
}

export interface SchemaInfo {
	tables: SchemaTable[];
	functions: string[];
}

const COLUMNS_SQL = `
SELECT c.database_name AS db, c.schema_name AS schema, c.table_name AS name, c.column_name AS col, c.data_type AS type,
       v.view_name IS NOT NULL AS is_view
FROM duckdb_columns() c
LEFT JOIN duckdb_views() v
  ON v.database_name = c.database_name AND v.schema_name = c.schema_name AND v.view_name = c.table_name
WHERE NOT c.internal AND c.database_name <> 'system'
ORDER BY c.schema_name <> 'main', c.schema_name, c.table_name, c.column_index`;

const FUNCTIONS_SQL = `SELECT DISTINCT function_name AS name FROM duckdb_functions() WHERE function_type <> 'pragma' ORDER BY 1`;

/** The qualified name to use in SQL: bare for the main schema, quoted when needed. */
export function sqlName(t: Pick<SchemaTable, 'schema' | 'name'>): string {
	const q = (s: string) => (/^[a-z_][a-z0-9_]*$/.test(s) ? s : ident(s));
	return t.schema === 'main' ? q(t.name) : `${q(t.schema)}.${q(t.name)}`;
}

export async function readSchema(db: Db): Promise<SchemaInfo> {
	const rows = toRows<{ db: string; schema: string; name: string; col: string; type: string; is_view: boolean }>(
		await db.query(COLUMNS_SQL)
	);
	const byName = new Map<string, SchemaTable & { db: string }>();
	for (const r of rows) {
		const key = `${r.db}.${r.schema}.${r.name}`;
		let t = byName.get(key);
		if (!t) {
			t = { db: r.db, schema: r.schema, name: r.name, kind: r.is_view ? 'view' : 'table', rows: null, columns: [] };
			byName.set(key, t);
		}
		t.columns.push({ name: r.col, type: r.type });
	}
	const tables = [...byName.values()];
	const counted = tables.filter((t) => t.kind === 'table');
	if (counted.length) {
		const sql = counted
			.map((t, i) => `SELECT ${i} AS i, count(*) AS n FROM ${ident(t.db)}.${ident(t.schema)}.${ident(t.name)}`)
			.join('\nUNION ALL\n');
		for (const r of toRows<{ i: number; n: number }>(await db.query(sql))) counted[r.i].rows = r.n;
	}
	const functions = toRows<{ name: string }>(await db.query(FUNCTIONS_SQL)).map((r) => r.name);
	return { tables: tables.map(({ db: _db, ...t }) => t), functions };
}

/**
 * The namespace CodeMirror's SQL completion walks: tables of `main` at the top level
 * (with their columns after a dot), other schemas one level down.
 */
export function completionNamespace(
	tables: readonly SchemaTable[],
	detail: (t: SchemaTable) => string = (t) => (t.kind === 'view' ? 'view' : `${t.rows ?? '?'} rows`)
): SQLNamespace {
	const level = (t: SchemaTable) => ({
		self: { label: t.name, type: t.kind === 'view' ? 'class' : 'type', detail: detail(t) } satisfies Completion,
		children: t.columns.map((c) => ({ label: c.name, type: 'property', detail: c.type }) satisfies Completion)
	});
	const ns: Record<string, SQLNamespace> = {};
	const others: Record<string, Record<string, SQLNamespace>> = {};
	for (const t of tables) {
		if (t.schema === 'main') ns[t.name] = level(t);
		else (others[t.schema] ??= {})[t.name] = level(t);
	}
	for (const [schema, children] of Object.entries(others)) if (!(schema in ns)) ns[schema] = children;
	return ns;
}

/** A query that shows a table's first rows, for a double-click in the browser. */
export function previewSql(t: Pick<SchemaTable, 'schema' | 'name'>, limit = 100): string {
	return `SELECT * FROM ${sqlName(t)} LIMIT ${literal(limit)}`;
}
