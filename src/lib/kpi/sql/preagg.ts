/**
 * Pre-aggregated record tables (the approach of Mosaic): at prepare time the records
 * of the big tables are counted per unit and per combination of the values the KPI
 * definitions look at, so a filter change scans a few thousand groups, not millions
 * of rows.
 *
 * Exactness. The definitions compare record dates only with the dates of a series'
 * grid: year starts and ends, the data's as-of date, the day a unit ended, and the same
 * dates one year earlier. Every date column is therefore replaced by the first "cut"
 * date on or after it, where the cuts are all those dates and the day before each.
 * For any cut D, `x <= D`, `x < D`, `x >= D`, `x > D` and BETWEEN give the same answer
 * on the snapped date as on the real one, so the same SQL, run on the groups with
 * count → sum(n), gives the same numbers. A series whose grid needs a date that is not
 * a cut (another as-of date, a plan starting mid-year) is read from the records.
 *
 * OCOP (count distinct producers, certificate chains) and budget (already one line per
 * province and quarter) stay on the record path.
 */
import { RECORD_KEY } from './views';

export interface AggSpec {
	/** Date columns, snapped to cuts. */
	dates: string[];
	/** Columns kept as they are (group keys). */
	keys: string[];
	/** Numeric columns summed per group. */
	sums: string[];
}

export const AGG_TABLES: Record<string, AggSpec> = {
	startups: {
		dates: ['supported_date', 'firm_founded_date', 'capital_raised_date'],
		keys: ['incubated_at_centre'],
		sums: ['capital_raised_bn']
	},
	st_firms: { dates: ['certificate_date', 'revoked_date'], keys: [], sums: [] },
	st_tasks: { dates: ['start_date', 'planned_end_date', 'accepted_date', 'cancelled_date'], keys: ['applied'], sums: [] },
	ip_titles: { dates: ['filing_date', 'grant_date'], keys: ['ip_type'], sums: [] }
};

/** Years whose first and last days are cuts; grids outside them use the record path. */
export const CUT_YEARS = { from: 2010, to: 2040 };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const dayBefore = (date: string) => {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() - 1);
	return iso(d);
};
/** The same calendar day one year earlier (29 Feb → 28 Feb), as grid.ts does. */
const yearBefore = (date: string) => {
	const [y, m, d] = date.split('-').map(Number);
	return `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(m === 2 && d === 29 ? 28 : d).padStart(2, '0')}`;
};

/**
 * Cut dates for an as-of date and the end dates of units: each boundary date a grid
 * can hold, its year-earlier twin, and the day before each of them.
 */
export function cutDates(asOf: string, unitEnds: string[]): string[] {
	const boundaries = new Set<string>();
	for (let y = CUT_YEARS.from; y <= CUT_YEARS.to; y++) {
		boundaries.add(`${y}-01-01`);
		boundaries.add(`${y}-12-31`);
	}
	for (const d of [asOf, ...unitEnds]) {
		boundaries.add(d);
		boundaries.add(yearBefore(d));
	}
	const cuts = new Set<string>();
	for (const d of boundaries) {
		cuts.add(d);
		cuts.add(dayBefore(d));
	}
	return [...cuts].sort();
}

/** Does every comparison a grid makes land on cuts? (Then the aggregates are exact.) */
export function gridOnCuts(cuts: ReadonlySet<string>, dates: string[]): boolean {
	return dates.every((d) => cuts.has(d) && cuts.has(dayBefore(d)));
}

/** The first cut on or after x; past the last cut, a date later than any grid's. */
function snap(column: string, cuts: string[]): string {
	const when = cuts.map((c) => `WHEN ${column} <= DATE '${c}' THEN DATE '${c}'`).join(' ');
	return `CASE WHEN ${column} IS NULL THEN NULL ${when} ELSE DATE '9999-12-31' END`;
}

export const aggTable = (table: string) => `${table}_agg`;

/** CREATE statement of one pre-aggregated table (needs `<table>_units`). */
export function aggTableSql(table: string, cuts: string[]): string {
	const spec = AGG_TABLES[table];
	const cols = [
		'u.unit_code',
		'u.unit_vintage',
		...spec.dates.map((c) => `${snap(`r.${c}`, cuts)} AS ${c}`),
		...spec.keys.map((c) => `r.${c}`)
	];
	const sums = spec.sums.map((c) => `sum(r.${c}) AS ${c}`);
	return `
CREATE OR REPLACE TABLE ${aggTable(table)} AS
SELECT ${cols.join(', ')}, count(*) AS n${sums.length ? ', ' + sums.join(', ') : ''}
FROM ${table} r JOIN ${table}_units u ON u.rec_key = ${RECORD_KEY[table]}
GROUP BY ALL`;
}

/**
 * An aggregate of a record definition, rewritten for the groups: counts of a key
 * column (never NULL) become sums of n, with count's 0 for no rows; sums stay sums.
 */
export function aggAggregate(expr: string): string {
	return expr.replace(
		/count\(r\.\w+\)(\s+FILTER\s*\(WHERE [^()]*\))?/g,
		(_m, filter: string | undefined) => `coalesce(sum(r.n)${filter ?? ''}, 0)::BIGINT`
	);
}
