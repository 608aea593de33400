import type { Db } from '../db/types';
import { ident, literal } from '../db/sql';
import { toRows } from '../db/rows';
import { DATASETS, type ColumnSpec, type DatasetSpec } from './schema';
import { MAX_PROBLEMS_PER_FILE, problem, type Problem, type ProblemCode } from './problems';
import { ROW } from './staging';

/**
 * The date at which a record's province (and district) must be in force. Units are
 * effective-dated: Thái Bình (34) exists until 2025-06-30, so a 2025-08 OCOP decision
 * must name Hưng Yên (33). Budget lines carry a quarter, dated by its first day.
 */
export const RECORD_DATE: Record<string, { sql: (alias: string) => string; column: string }> = {
	ocop_products: column('decision_date'),
	startups: column('supported_date'),
	st_firms: column('certificate_date'),
	st_tasks: column('start_date'),
	ip_titles: column('filing_date'),
	budget: {
		sql: (a) => `make_date(${a}.${ident('year')}, (${a}.${ident('quarter')} - 1) * 3 + 1, 1)`,
		column: 'year, quarter'
	}
};

function column(name: string) {
	return { sql: (a: string) => `${a}.${ident(name)}`, column: name };
}

export interface RefResult {
	problems: Problem[];
	/** Per file: problems beyond the per-file limit, not listed. */
	omitted: Map<string, number>;
}

interface Finding {
	row: number;
	value: string;
	code: ProblemCode;
	d: string | null;
	vintage: string | null;
	province: string | null;
	total: number;
}

/**
 * Check every reference column (spec `ref`) of the typed tables against indicators and
 * units. `files` maps each dataset that has a typed table to its file name; a check
 * runs only when both sides are there. Cells that broke their own rules are NULL in a
 * lenient typed table and are skipped here, so nothing is reported twice.
 */
export async function checkReferences(db: Db, files: ReadonlyMap<string, string>): Promise<RefResult> {
	const problems: Problem[] = [];
	const omitted = new Map<string, number>();
	for (const spec of DATASETS) {
		const file = files.get(spec.name);
		if (!file) continue;
		const future = futureQuery(spec, files);
		if (future) {
			const found = toRows<{ row: number; value: string; bound: string; total: number }>(
				await db.query(`${future} ORDER BY row LIMIT ${MAX_PROBLEMS_PER_FILE}`)
			);
			const column = RECORD_DATE[spec.name].column;
			for (const f of found) problems.push(problem('future_date', { file, row: f.row, column, value: f.value }, { date: f.bound }));
			const more = Math.max(0, (found[0]?.total ?? 0) - found.length);
			if (more > 0) omitted.set(file, (omitted.get(file) ?? 0) + more);
		}
		for (const col of spec.columns) {
			const sql = col.ref && refQuery(spec, col, files);
			if (!sql) continue;
			const found = toRows<Finding>(await db.query(`${sql} ORDER BY row LIMIT ${MAX_PROBLEMS_PER_FILE}`));
			const date = RECORD_DATE[spec.name];
			for (const f of found) {
				problems.push(
					problem(
						f.code,
						{ file, row: f.row, column: col.name, value: f.value },
						{ vintage: f.vintage ?? undefined, province: f.province ?? undefined, date: f.d ?? undefined, dateColumn: date?.column }
					)
				);
			}
			const more = Math.max(0, (found[0]?.total ?? 0) - found.length);
			if (more > 0) omitted.set(file, (omitted.get(file) ?? 0) + more);
		}
	}
	return { problems, omitted };
}

/**
 * Records dated after both the dataset's as-of date (datasets.csv, when it is part of
 * the check) and today: a certificate granted in 2031 is a typing error, and counting
 * it would inflate every figure from its date on.
 */
function futureQuery(spec: DatasetSpec, files: ReadonlyMap<string, string>): string | null {
	const date = RECORD_DATE[spec.name];
	if (!date) return null;
	const asOf = files.has('datasets')
		? `(SELECT max(TRY_CAST(as_of AS DATE)) FROM datasets WHERE dataset = ${literal(spec.name)})`
		: 'NULL';
	// Today from the JS clock: current_date needs DuckDB's ICU extension, which the browser does not load.
	const today = `DATE ${literal(new Date().toISOString().slice(0, 10))}`;
	const bound = `greatest(coalesce(${asOf}, ${today}), ${today})`;
	const d = date.sql('r');
	return `SELECT ${ident(ROW)} AS row, strftime(${d}, '%Y-%m-%d') AS value, strftime(${bound}, '%Y-%m-%d') AS bound, count(*) OVER () AS total
	        FROM ${ident(spec.name)} r WHERE ${d} > ${bound}`;
}

function refQuery(spec: DatasetSpec, col: ColumnSpec, files: ReadonlyMap<string, string>): string | null {
	const t = ident(spec.name);
	const c = `r.${ident(col.name)}`;
	const select = (code: string, where: string, extra = 'NULL AS d, NULL AS vintage, NULL AS province') =>
		`SELECT ${ident(ROW)} AS row, ${c} AS value, ${code} AS code, ${extra}, count(*) OVER () AS total
		 FROM ${t} r WHERE ${c} IS NOT NULL AND ${where}`;

	switch (col.ref) {
		case 'indicator':
			if (!files.has('indicators')) return null;
			return select(`'unknown_indicator'`, `NOT EXISTS (SELECT 1 FROM indicators i WHERE i.code = ${c})`);
		case 'unit': {
			if (!files.has('units') || !spec.columns.some((x) => x.name === 'unit_vintage')) return null;
			return select(
				`'unknown_unit'`,
				`r.unit_vintage IS NOT NULL
				 AND NOT EXISTS (SELECT 1 FROM units u WHERE u.code = ${c} AND u.vintage = r.unit_vintage)`,
				`NULL AS d, r.unit_vintage AS vintage, NULL AS province`
			);
		}
		case 'province':
		case 'district': {
			const date = RECORD_DATE[spec.name];
			if (!files.has('units') || !date) return null;
			const d = date.sql('r');
			const level = literal(col.ref);
			const inForce = `(u.valid_from IS NULL OR u.valid_from <= ${d}) AND (u.valid_to IS NULL OR ${d} <= u.valid_to)`;
			const parent = col.ref === 'district' ? 'AND u.parent_code = r.province_code' : '';
			const code =
				col.ref === 'province'
					? `CASE WHEN NOT EXISTS (SELECT 1 FROM units u WHERE u.level = ${level} AND u.code = ${c})
					        THEN 'unknown_province' ELSE 'province_not_valid' END`
					: `CASE WHEN NOT EXISTS (SELECT 1 FROM units u WHERE u.level = ${level} AND u.code = ${c})
					        THEN 'unknown_district'
					        WHEN NOT EXISTS (SELECT 1 FROM units u WHERE u.level = ${level} AND u.code = ${c} ${parent})
					        THEN 'district_not_in_province' ELSE 'district_not_valid' END`;
			return select(
				code,
				// Without a valid date (or province, for a district) there is nothing to check against.
				// A district of an unknown province is that province's problem, reported once.
				`${d} IS NOT NULL
				 ${col.ref === 'district' ? `AND EXISTS (SELECT 1 FROM units p WHERE p.level = 'province' AND p.code = r.province_code)` : ''}
				 AND NOT EXISTS (SELECT 1 FROM units u WHERE u.level = ${level} AND u.code = ${c} ${parent} AND ${inForce})`,
				`strftime(${d}, '%Y-%m-%d') AS d, NULL AS vintage, r.province_code AS province`
			);
		}
		default:
			return null;
	}
}
