/**
 * Derived tables the KPI SQL reads: certificate sequences, the units each record
 * counts towards, and the pre-aggregated groups of the big record tables. Run once
 * after the datasets are loaded, and again after a dataset is replaced, so that the
 * browser, the CLI and the tests read the same structures.
 */
import type { Db } from '../db/types';
import { toRows } from '../db/rows';
import { OCOP_SEQ_VIEW } from './sql/record-indicators';
import { viewStatements } from './sql/views';
import { AGG_TABLES, aggTableSql, cutDates } from './sql/preagg';

export interface Prepared {
	/** Cut dates of the pre-aggregated tables (see sql/preagg.ts); empty = none built. */
	cuts: ReadonlySet<string>;
	/** Old provinces that continue unchanged as new ones (their series run past 2025-06-30). */
	continuing: ReadonlySet<string>;
}

const prepared = new WeakMap<Db, Prepared>();

/** Materialised copy of the view ocop_seq, made by prepareKpiTables. */
export const OCOP_SEQ_TABLE = 'ocop_seq_table';

/** What prepareKpiTables built for this database (undefined before it ran). */
export function preparedFor(db: Db): Prepared | undefined {
	return prepared.get(db);
}

export async function prepareKpiTables(db: Db): Promise<void> {
	// Until the new tables are in place, nobody may read the old cut set against them.
	prepared.delete(db);
	await db.query(OCOP_SEQ_VIEW);
	// The view recomputes its window over every certificate on each read; the KPI
	// series read this copy of it instead (compare, breakdowns and the console keep the view).
	await db.query(`CREATE OR REPLACE TABLE ${OCOP_SEQ_TABLE} AS SELECT * FROM ocop_seq`);
	for (const sql of viewStatements()) await db.query(sql);
	const tables = new Set(
		toRows<{ name: string }>(await db.query(`SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main'`)).map((r) => r.name)
	);
	// Without the datasets table there is no as-of date to cut at: records only.
	const as_of = tables.has('datasets')
		? toRows<{ as_of: string | null }>(await db.query(`SELECT max(as_of) AS as_of FROM datasets`))[0].as_of
		: null;
	const ends = toRows<{ d: string }>(await db.query(`SELECT DISTINCT valid_to AS d FROM units WHERE valid_to IS NOT NULL`)).map((r) => r.d);
	const cuts = as_of ? cutDates(as_of, ends) : [];
	if (cuts.length) for (const table of Object.keys(AGG_TABLES)) await db.query(aggTableSql(table, cuts));
	const continuing = toRows<{ code: string }>(
		await db.query(`SELECT DISTINCT unit_code AS code FROM unit_rollup WHERE unit_vintage = '2024' AND member_vintage = '2025'`)
	).map((r) => r.code);
	prepared.set(db, { cuts: new Set(cuts), continuing: new Set(continuing) });
}
