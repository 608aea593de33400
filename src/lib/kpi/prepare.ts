/**
 * Derived tables the KPI SQL reads: certificate sequences, the units each record
 * counts towards, and the pre-aggregated groups of the big record tables. Run once
 * after the datasets are loaded, and again after a dataset is replaced, so that the
 * browser, the CLI and the tests read the same structures.
 */
import type { Db } from '../db/types';
import { toRows } from '../db/rows';
import { OCOP_SEQ_VIEW } from './sql/record-indicators';
import { RECORD_TABLES, UNIT_ROLLUP, recordUnitsView, viewStatements } from './sql/views';
import { AGG_TABLES, aggTable, aggTableSql, cutDates } from './sql/preagg';
import type { Cubes } from './cube';
import { fnv1a } from './fingerprint';
import { DATASETS } from '../data/schema';

export interface Prepared {
	/** Cut dates of the pre-aggregated tables (see sql/preagg.ts); empty = none built. */
	cuts: ReadonlySet<string>;
	/** Old provinces that continue unchanged as new ones (their series run past 2025-06-30). */
	continuing: ReadonlySet<string>;
	/** The build's cubes (cube.ts), made from this data; null when there are none. */
	cube: Cubes | null;
}

const prepared = new WeakMap<Db, Prepared>();

/** Materialised copy of the view ocop_seq, made by prepareKpiTables. */
export const OCOP_SEQ_TABLE = 'ocop_seq_table';

/** What prepareKpiTables built for this database (undefined before it ran). */
export function preparedFor(db: Db): Prepared | undefined {
	return prepared.get(db);
}

/**
 * Build the tables. Each record table's `_units` and `_agg` are made one table after
 * the other; `opts.done(table)` is called after each, so a caller short of memory (the
 * build at 10 million rows) can release that table's records before the next loads.
 */
export async function prepareKpiTables(db: Db, opts: { done?: (table: string) => Promise<void> } = {}): Promise<void> {
	// Until the new tables are in place, nobody may read the old cut set against them.
	prepared.delete(db);
	await db.query(OCOP_SEQ_VIEW);
	// The view recomputes its window over every certificate on each read; the KPI
	// series read this copy of it instead (compare, breakdowns and the console keep the view).
	await db.query(`CREATE OR REPLACE TABLE ${OCOP_SEQ_TABLE} AS SELECT * FROM ocop_seq`);
	await db.query(UNIT_ROLLUP);
	const tables = new Set(
		toRows<{ name: string }>(await db.query(`SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main'`)).map((r) => r.name)
	);
	// Without the datasets table there is no as-of date to cut at: records only.
	const as_of = tables.has('datasets')
		? toRows<{ as_of: string | null }>(await db.query(`SELECT max(as_of) AS as_of FROM datasets`))[0].as_of
		: null;
	const ends = toRows<{ d: string }>(await db.query(`SELECT DISTINCT valid_to AS d FROM units WHERE valid_to IS NOT NULL`)).map((r) => r.d);
	const cuts = as_of ? cutDates(as_of, ends) : [];
	for (const table of RECORD_TABLES) {
		await db.query(recordUnitsView(table));
		if (cuts.length && table in AGG_TABLES) await db.query(aggTableSql(table, cuts));
		await opts.done?.(table);
	}
	const continuing = toRows<{ code: string }>(
		await db.query(`SELECT DISTINCT unit_code AS code FROM unit_rollup WHERE unit_vintage = '2024' AND member_vintage = '2025'`)
	).map((r) => r.code);
	prepared.set(db, { cuts: new Set(cuts), continuing: new Set(continuing), cube: null });
}

/**
 * Record tables the dashboard reads only through their aggregates (`<table>_agg`):
 * when the build publishes those, the browser can leave the records themselves, and
 * their `<table>_units`, until a query names them (src/lib/db/deferred.ts).
 */
export const DEFERRABLE: readonly string[] = Object.keys(AGG_TABLES);

/** Every table prepareKpiTables makes, minus the `_units` of deferrable tables (rebuilt when those load). */
export function preparedTables(): string[] {
	return [
		OCOP_SEQ_TABLE,
		'unit_rollup',
		...RECORD_TABLES.filter((t) => !DEFERRABLE.includes(t)).map((t) => `${t}_units`),
		...Object.keys(AGG_TABLES).map(aggTable)
	];
}

/**
 * Every table and view the KPI SQL reads: the datasets and what prepareKpiTables makes
 * from them. A statement typed in the console that writes one of them calls for
 * prepareKpiTables again (routes/query).
 */
export function kpiInputTables(): string[] {
	return [
		...DATASETS.map((d) => d.name),
		'ocop_seq',
		OCOP_SEQ_TABLE,
		'unit_rollup',
		...RECORD_TABLES.map((t) => `${t}_units`),
		...Object.keys(AGG_TABLES).map(aggTable)
	];
}

/**
 * What prepareKpiTables computed besides tables, to be written next to them at build
 * time and adopted in the browser (see adoptPrepared).
 */
export function preparedState(db: Db): { cuts: string[]; continuing: string[] } {
	const p = prepared.get(db);
	if (!p) throw new Error('prepareKpiTables has not run on this database');
	return { cuts: [...p.cuts].sort(), continuing: [...p.continuing].sort() };
}

/**
 * Take the prepared tables as given (loaded from the build's copies) instead of
 * building them: make the OCOP view, which is only a definition, and remember the
 * state that prepareKpiTables would have computed.
 */
export async function adoptPrepared(
	db: Db,
	state: { cuts: string[]; continuing: string[]; cube?: Cubes | null },
	/** Where to make the view: the database under a wrapper that would load what it names. */
	sqlDb: Db = db
): Promise<void> {
	prepared.delete(db);
	await sqlDb.query(OCOP_SEQ_VIEW);
	prepared.set(db, { cuts: new Set(state.cuts), continuing: new Set(state.continuing), cube: state.cube ?? null });
}

/**
 * A fingerprint of the SQL that builds the prepared tables: copies made by another
 * version of the app are not adopted (the browser builds its own instead).
 */
export function preparedFingerprint(): string {
	const text = [OCOP_SEQ_VIEW, ...viewStatements(), JSON.stringify(AGG_TABLES), ...Object.keys(AGG_TABLES).map((t) => aggTableSql(t, ['2000-01-01']))].join('\n');
	return fnv1a(text);
}
