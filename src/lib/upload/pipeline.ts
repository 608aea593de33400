/**
 * One uploaded sheet through the loader of src/lib/data, in the same steps as the
 * build (build.ts): staging table → validateStaging → createTypedTable →
 * checkReferences. Only the reading differs (normalise.ts reads Vietnamese sheets
 * into the loader's plain text format first).
 *
 * Replacing a dataset is all-or-nothing. The new table is swapped in inside one
 * DuckDB transaction, in which the references are checked against the live units
 * and indicators, the KPI tables are rebuilt and (through `commit`) the upload is
 * stored; any error or problem rolls everything back, so the dashboard keeps the
 * table it had.
 */
import type { Db } from '../db/types';
import { ident, literal } from '../db/sql';
import { toRows } from '../db/rows';
import { DATASETS, type DatasetSpec } from '../data/schema';
import { hasErrors, limitPerFile, problem, type Problem } from '../data/problems';
import { normalizeHeader, type StagingTable } from '../data/staging';
import { stageText } from './arrow';
import { validateStaging } from '../data/validate';
import { createTypedTable, publishedColumns } from '../data/typed';
import { checkReferences } from '../data/crossref';
import { prepareKpiTables } from '../kpi/prepare';
import type { RawSheet } from './cells';
import { normaliseSheet, type Lookups, type Normalised, type SheetMapping, type Target } from './normalise';
import type { Note } from './notes';

/** Catalogues every other table refers to; replacing them in the browser would need every table re-checked. */
export const SHARED_CATALOGUES = ['units', 'indicators', 'datasets'];

export const REPLACEABLE: DatasetSpec[] = DATASETS.filter((d) => !SHARED_CATALOGUES.includes(d.name));

/** Tables the KPI code builds; a new table must not take their names. */
const RESERVED = /^(stg_|upl_|duckdb_|sqlite_|pg_|information_schema$)|^(unit_rollup|ocop_seq|ocop_seq_table)$|_(units|agg)$/;

export function tableNameProblem(name: string): 'format' | 'reserved' | null {
	if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) return 'format';
	if (DATASETS.some((d) => d.name === name) || RESERVED.test(name)) return 'reserved';
	return null;
}

export interface UploadInput {
	fileName: string;
	sheet: RawSheet;
	target: Target;
	mapping: SheetMapping;
	lookups: Lookups;
}

export interface UploadResult {
	ok: boolean;
	/** The file as named in problems: "bao-cao.xlsx [Danh sách]". */
	label: string;
	problems: Problem[];
	notes: Note[];
	normalised: Normalised;
	/** Records that reached (or would reach) the table. */
	rows: number;
	/** Worst provenance among the rows, for the datasets table. */
	provenance: string | null;
	applied: boolean;
}

export const sourceLabel = (fileName: string, sheet: string | null) => (sheet ? `${fileName} [${sheet}]` : fileName);

export async function loadLookups(db: Db): Promise<Lookups> {
	const provinces = toRows<{ code: string; name_vi: string; name_en: string | null }>(
		await db.query(`SELECT DISTINCT code, name_vi, name_en FROM units WHERE level = 'province'`)
	);
	return { provinces };
}

let serial = 0;

export interface RunOptions {
	/** false: check only, the database is left exactly as it was. */
	apply: boolean;
	/** Rebuild the KPI tables after a replacement (off while re-applying several stored uploads). */
	prepare?: boolean;
	/** Runs inside the transaction just before COMMIT (storing the upload); a throw rolls back. */
	commit?: (rows: number) => Promise<void>;
	/** Text for the datasets table, e.g. "Tải lên … ngày 22/11/2026", given the number of rows. */
	describe?: (rows: number) => { vi: string; en: string };
}

export async function runUpload(db: Db, input: UploadInput, opts: RunOptions): Promise<UploadResult> {
	const label = sourceLabel(input.fileName, input.sheet.name);
	const normalised = normaliseSheet(input.sheet, input.target, specOf(input.target), input.mapping, input.lookups);
	const notes = normalised.notes;
	const result = (ok: boolean, problems: Problem[], extra: Partial<UploadResult> = {}): UploadResult => ({
		ok,
		label,
		problems,
		notes,
		normalised,
		rows: normalised.rows.length,
		provenance: null,
		applied: false,
		...extra
	});

	if (input.target.kind === 'replace' && !REPLACEABLE.some((d) => d.name === (input.target as { dataset: string }).dataset)) {
		throw new Error(`dataset ${input.target.dataset} cannot be replaced from the browser`);
	}
	if (input.target.kind === 'new' && tableNameProblem(input.target.table)) {
		throw new Error(`invalid table name ${input.target.table}`);
	}

	const header = normalizeHeader(normalised.columns, label);
	if (header.problems.length) return result(false, header.problems);
	// As in the build: an empty table never replaces data (nor becomes a table).
	if (normalised.rows.length === 0) return result(false, [problem('no_rows', { file: label })]);

	const n = ++serial;
	const staging: StagingTable = {
		table: `upl_stg_${n}`,
		spec: normalised.spec,
		file: label,
		columns: header.names,
		rows: normalised.rows.length
	};
	const typed = `upl_typed_${n}`;
	try {
		await stageText(db, staging.table, header.names, normalised.rows, normalised.values);
		const checked = await validateStaging(db, staging);
		const blocked = notes.some((x) => x.severity === 'error');
		const invalid = hasErrors(checked.problems) || checked.omitted > 0 || blocked;
		// As in the build: a file with errors still gets its references checked (bad
		// cells nulled), so one report lists both kinds.
		await createTypedTable(db, staging, { target: typed, lenient: invalid });
		const omitted = new Map<string, number>(checked.omitted ? [[label, checked.omitted]] : []);

		if (input.target.kind === 'new') {
			if (invalid) return result(false, limitPerFile(checked.problems, omitted));
			if (!opts.apply) return result(true, checked.problems);
			const table = input.target.table;
			await transaction(db, async () => {
				await db.query(
					`CREATE OR REPLACE TABLE ${ident(table)} AS
					 SELECT ${publishedColumns(normalised.spec)} FROM ${ident(typed)} ORDER BY __row`
				);
				await opts.commit?.(normalised.rows.length);
			});
			return result(true, checked.problems, { applied: true });
		}

		const dataset = input.target.dataset;
		let outcome = null as UploadResult | null;
		await transaction(db, async (rollback) => {
			// checkReferences reads the dataset's own table (with its row numbers).
			await db.query(`CREATE OR REPLACE TABLE ${ident(dataset)} AS SELECT * FROM ${ident(typed)}`);
			const refs = await checkReferences(db, new Map([[dataset, label], ['units', 'units'], ['indicators', 'indicators']]));
			for (const [file, k] of refs.omitted) omitted.set(file, (omitted.get(file) ?? 0) + k);
			const problems = limitPerFile([...checked.problems, ...refs.problems], omitted);
			const ok = !invalid && !hasErrors(refs.problems) && omitted.size === 0;
			if (!ok || !opts.apply) {
				outcome = result(ok, problems);
				return rollback();
			}
			await db.query(
				`CREATE OR REPLACE TABLE ${ident(dataset)} AS
				 SELECT ${publishedColumns(normalised.spec)} FROM ${ident(typed)} ORDER BY __row`
			);
			const provenance = await worstProvenance(db, normalised.spec);
			await describeDataset(db, dataset, provenance, opts.describe?.(normalised.rows.length));
			if (opts.prepare !== false) await prepareKpiTables(db);
			await opts.commit?.(normalised.rows.length);
			outcome = result(true, problems, { applied: true, provenance });
		});
		return outcome!;
	} finally {
		await db.query(`DROP TABLE IF EXISTS ${ident(staging.table)}`);
		await db.query(`DROP TABLE IF EXISTS ${ident(typed)}`);
	}
}

function specOf(target: Target): DatasetSpec | null {
	return target.kind === 'replace' ? (DATASETS.find((d) => d.name === target.dataset) ?? null) : null;
}

/**
 * BEGIN … COMMIT around `body`; ROLLBACK when it throws or calls `rollback()`.
 * duckdb-wasm runs one statement at a time on the connection, so the swap is seen
 * by later queries either whole or not at all.
 */
export async function transaction(db: Db, body: (rollback: () => void) => Promise<void>): Promise<void> {
	await db.query('BEGIN TRANSACTION');
	let rolledBack = false;
	try {
		await body(() => {
			rolledBack = true;
		});
	} catch (e) {
		await db.query('ROLLBACK');
		throw e;
	}
	await db.query(rolledBack ? 'ROLLBACK' : 'COMMIT');
}

async function worstProvenance(db: Db, spec: DatasetSpec): Promise<string | null> {
	if (!spec.columns.some((c) => c.name === 'provenance')) return null;
	const [row] = toRows<{ p: string | null }>(
		await db.query(
			`SELECT CASE max(CASE provenance WHEN 'illustrative' THEN 3 WHEN 'calibrated' THEN 2 WHEN 'published' THEN 1 END)
			   WHEN 3 THEN 'illustrative' WHEN 2 THEN 'calibrated' WHEN 1 THEN 'published' END AS p
			 FROM ${ident(spec.name)}`
		)
	);
	return row?.p ?? null;
}

/** The datasets table says where the replaced table now comes from, for every page's sources. */
async function describeDataset(db: Db, dataset: string, provenance: string | null, describe?: { vi: string; en: string }) {
	const sets: string[] = [];
	if (provenance) sets.push(`provenance = ${literal(provenance)}`);
	if (describe) sets.push(`description_vi = ${literal(describe.vi)}`, `description_en = ${literal(describe.en)}`);
	if (sets.length) await db.query(`UPDATE datasets SET ${sets.join(', ')} WHERE dataset = ${literal(dataset)}`);
}
