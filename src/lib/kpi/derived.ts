/**
 * The prepared tables (prepare.ts), computed at build time and published beside the
 * datasets, so the browser loads a few thousand aggregate rows instead of building them
 * from every record at start-up, and can leave the big record tables until a query
 * names them. `derived.json` says which tables, for which data (the datasets' hashes)
 * and which version of the SQL (a fingerprint); anything else is not adopted and the
 * browser prepares the tables itself, as before.
 */
import { tableToIPC } from 'apache-arrow';
import type { Db } from '../db/types';
import { ident, literal } from '../db/sql';
import { toRows } from '../db/rows';
import type { Manifest } from '../data/manifest';
import { DEFERRABLE, preparedFingerprint, preparedState, preparedTables } from './prepare';
import { CUBE_TABLE, OBSERVATION_CUBE_TABLE } from './cube';
import { fnv1a } from './fingerprint';
import { observationBatchSql, recordCubeSql, type IndicatorRow } from './series';
import { RECORD_INDICATORS } from './sql/record-indicators';
import { cutDates } from './sql/preagg';

export const DERIVED_FILE = 'derived.json';

export interface DerivedManifest {
	fingerprint: string;
	/** Dataset name → sha256 of its source, as in manifest.json when the tables were made. */
	inputs: Record<string, string>;
	cuts: string[];
	continuing: string[];
	/** cubeFingerprint() of the statement that computed the series cube, if it is published. */
	cube_fingerprint?: string;
	/** Prepared tables, one Arrow IPC file each. */
	tables: { name: string; file: string; rows: number; bytes: number; sha256: string }[];
	/** Record tables the browser may load on first use, with their columns (for the console's schema). */
	deferred: { name: string; columns: { name: string; type: string }[] }[];
	/**
	 * With the cubes, the other tables the first scorecard does not read, with their
	 * columns: the browser loads them on first use too (kpi/start.ts).
	 */
	later?: { name: string; columns: { name: string; type: string }[] }[];
}

/** Build time (Node): the prepared tables of `db` (prepareKpiTables has run) as files. */
export async function exportDerived(
	db: Db,
	manifest: Manifest,
	hash: (bytes: Uint8Array) => string
): Promise<{ derived: DerivedManifest; files: Map<string, Uint8Array> }> {
	const files = new Map<string, Uint8Array>();
	const tables: DerivedManifest['tables'] = [];
	const present = toRows<{ n: number }>(
		await db.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name IN (${CUBE_TABLES.map(literal).join(', ')})`)
	)[0].n;
	const cube = present === CUBE_TABLES.length;
	for (const name of [...preparedTables(), ...(cube ? CUBE_TABLES : [])]) {
		const table = await db.query(`SELECT * FROM ${ident(name)}`);
		const bytes = tableToIPC(table, 'stream');
		const file = `derived-${name}.arrow`;
		files.set(file, bytes);
		tables.push({ name, file, rows: table.numRows, bytes: bytes.byteLength, sha256: hash(bytes) });
	}
	const names = new Set(manifest.datasets.map((d) => d.name));
	const columnsOf = async (name: string) =>
		toRows<{ name: string; type: string }>(
			await db.query(
				`SELECT column_name AS name, data_type AS type FROM duckdb_columns()
				 WHERE schema_name = 'main' AND table_name = ${literal(name)} ORDER BY column_index`
			)
		);
	const deferred: DerivedManifest['deferred'] = [];
	for (const name of DEFERRABLE.filter((n) => names.has(n))) deferred.push({ name, columns: await columnsOf(name) });
	const later: NonNullable<DerivedManifest['later']> = [];
	if (cube) {
		const candidates = [...manifest.datasets.map((d) => d.name), ...preparedTables()];
		for (const name of candidates.filter((n) => !DEFERRABLE.includes(n) && !FIRST_TABLES.includes(n))) later.push({ name, columns: await columnsOf(name) });
	}
	const state = preparedState(db);
	return {
		derived: {
			fingerprint: preparedFingerprint(),
			inputs: Object.fromEntries(manifest.datasets.map((d) => [d.name, d.sha256])),
			cuts: state.cuts,
			continuing: state.continuing,
			...(cube ? { cube_fingerprint: cubeFingerprint() } : {}),
			tables,
			deferred,
			...(cube ? { later } : {})
		},
		files
	};
}

/** Were these tables made from exactly this data, by this version of the SQL? */
export function derivedMatches(derived: DerivedManifest | null, manifest: Manifest): derived is DerivedManifest {
	if (!derived || derived.fingerprint !== preparedFingerprint()) return false;
	const inputs = Object.entries(derived.inputs ?? {});
	return (
		inputs.length === manifest.datasets.length &&
		manifest.datasets.every((d) => derived.inputs[d.name] === d.sha256) &&
		preparedTables().every((t) => derived.tables.some((x) => x.name === t))
	);
}

const CUBE_TABLES = [CUBE_TABLE, OBSERVATION_CUBE_TABLE];

/**
 * Does the build publish the cubes (cube.ts) computed by this version's statements?
 * Cubes from other SQL would hold other numbers: they are then never read.
 */
export const hasCube = (derived: DerivedManifest) =>
	derived.cube_fingerprint === cubeFingerprint() && CUBE_TABLES.every((name) => derived.tables.some((t) => t.name === name));

/** A fingerprint of the statements that compute the cubes, over every record definition. */
export function cubeFingerprint(): string {
	const unit = { code: 'X', vintage: '2025', level: 'province', name_vi: '', name_en: '', parent_code: null, valid_from: null, valid_to: null, successor_code: null } as const;
	const specs = Object.keys(RECORD_INDICATORS).map((code) => ({
		indicator: { code, source_table: RECORD_INDICATORS[code].table } as IndicatorRow,
		unit,
		planStart: '2021-01-01',
		periods: [{ start: '2021-01-01', end: '2021-12-31' }]
	}));
	// Both paths: the records, and the groups where the periods fall on cuts.
	const observations = observationBatchSql(specs.map((s, index) => ({ index, req: { ...s, fromYear: 0, toYear: 9999, asOf: '' } })));
	return fnv1a(`${recordCubeSql(specs)}\n${recordCubeSql(specs, new Set(cutDates('2021-10-31', [])))}\n${observations}`);
}

/** An empty table
/**
 * The tables a scorecard reads besides the cubes (kpi/scorecard.ts: the as-of date,
 * the catalogue, provenance, published checks, targets and units; series.ts: the
 * roll-up). With the cubes, the browser starts with these and loads the rest on first use.
 */
export const FIRST_TABLES: readonly string[] = ['datasets', 'indicators', 'published_figures', 'targets', 'units', 'unit_rollup'];

/** An empty table with the deferred table's columns, so the console lists it before it loads. */
export function placeholderSql(t: DerivedManifest['deferred'][number]): string {
	return `CREATE OR REPLACE TABLE ${ident(t.name)} (${t.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`;
}
