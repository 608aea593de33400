/**
 * Indicators computed from record-level tables, one small definition each.
 *
 * Every definition says which rows of the grid row g (year, p_start, p_end) a record
 * joins, and what to aggregate. `S` is the plan's start date (for cumulative kinds).
 * Written once here, run by DuckDB-WASM in Node and in the browser alike.
 */

export interface RecordIndicator {
	/** Table or view the records come from (alias r). */
	source: string;
	/** Table whose `<table>_units` membership applies. */
	table: string;
	/** Join condition between grid row g and record r. */
	join: (S: string) => string;
	/** Aggregate giving the value (counts, sums). Absent for ratios. */
	value?: string;
	/** Ratio parts: value = 100 · numerator / denominator. */
	numerator?: string;
	denominator?: string;
}

/** A certificate is in force at D: latest for its product, within 36 months, not revoked. */
const ocopInForce = (d: string) =>
	`r.decision_date <= ${d} AND (r.next_decision_date IS NULL OR r.next_decision_date > ${d})
	 AND r.expiry_date > ${d} AND (r.revoked_date IS NULL OR r.revoked_date > ${d})`;

const inPeriod = (col: string) => `${col} BETWEEN g.p_start AND g.p_end`;
const sincePlan = (col: string, S: string) => `${col} BETWEEN DATE '${S}' AND g.p_end`;
const stateBudget = `r.source IN ('central', 'provincial')`;
// A quarter counts once it has ended: a year read on 31/10 holds Q1–Q3, as the definitions say.
const quarterEnd = `last_day(make_date(r.year, r.quarter * 3, 1))`;

const ocop = (join: (S: string) => string, extra: Partial<RecordIndicator>): RecordIndicator => ({
	source: 'ocop_seq',
	table: 'ocop_products',
	join,
	...extra
});
const ocopLevel = (starsCond: string) =>
	ocop(() => `${ocopInForce('g.p_end')} AND ${starsCond}`, { value: 'count(r.certificate_id)' });

const stTaskOngoing = (d: string) =>
	`r.start_date <= ${d} AND (r.accepted_date IS NULL OR r.accepted_date > ${d})
	 AND (r.cancelled_date IS NULL OR r.cancelled_date > ${d})`;

export const RECORD_INDICATORS: Record<string, RecordIndicator> = {
	OC01: ocopLevel('r.stars >= 3'),
	OC02: ocopLevel('r.stars = 3'),
	OC03: ocopLevel('r.stars = 4'),
	OC04: ocopLevel('r.stars = 5'),
	OC05: ocop(() => `${inPeriod('r.decision_date')} AND r.prev_stars IS NULL`, { value: 'count(r.certificate_id)' }),
	OC06: ocop(() => `${inPeriod('r.decision_date')} AND r.stars > r.prev_stars`, { value: 'count(r.certificate_id)' }),
	OC07: ocop(
		() =>
			`${inPeriod('r.end_date')} AND (r.next_decision_date IS NULL OR r.next_decision_date > r.end_date)`,
		{ value: 'count(r.certificate_id)' }
	),
	OC08: ocop(() => `${ocopInForce('g.p_end')} AND r.stars >= 3`, {
		numerator: 'count(r.certificate_id) FILTER (WHERE r.stars >= 4)',
		denominator: 'count(r.certificate_id)'
	}),
	OC09: ocop(() => `${ocopInForce('g.p_end')} AND r.stars >= 3`, { value: 'count(DISTINCT r.producer_id)' }),
	OC10: ocop(() => `${ocopInForce('g.p_end')} AND r.stars >= 3`, {
		numerator: `count(DISTINCT r.producer_id) FILTER (WHERE r.producer_type IN ('cooperative', 'enterprise'))`,
		denominator: 'count(DISTINCT r.producer_id)'
	}),

	KN01: { source: 'startups', table: 'startups', join: (S) => sincePlan('r.supported_date', S), value: 'count(r.project_id)' },
	KN02: { source: 'startups', table: 'startups', join: (S) => sincePlan('r.firm_founded_date', S), value: 'count(r.project_id)' },
	KN03: { source: 'startups', table: 'startups', join: (S) => sincePlan('r.capital_raised_date', S), value: 'count(r.project_id)' },
	KN04: {
		source: 'startups',
		table: 'startups',
		join: (S) => sincePlan('r.capital_raised_date', S),
		value: 'coalesce(sum(r.capital_raised_bn), 0)'
	},
	TT02: {
		source: 'startups',
		table: 'startups',
		join: () => `${inPeriod('r.supported_date')} AND r.incubated_at_centre`,
		value: 'count(r.project_id)'
	},

	DN01: {
		source: 'st_firms',
		table: 'st_firms',
		join: () => `r.certificate_date <= g.p_end AND (r.revoked_date IS NULL OR r.revoked_date > g.p_end)`,
		value: 'count(r.certificate_id)'
	},
	DN02: { source: 'st_firms', table: 'st_firms', join: () => inPeriod('r.certificate_date'), value: 'count(r.certificate_id)' },

	SH02: {
		source: 'ip_titles',
		table: 'ip_titles',
		join: (S) => `${sincePlan('r.grant_date', S)} AND r.ip_type IN ('certification_mark', 'collective_mark')`,
		value: 'count(r.ip_id)'
	},
	SH03: {
		source: 'ip_titles',
		table: 'ip_titles',
		join: (S) => `${sincePlan('r.grant_date', S)} AND r.ip_type = 'geographical_indication'`,
		value: 'count(r.ip_id)'
	},
	SH05: {
		source: 'ip_titles',
		table: 'ip_titles',
		join: () => `${inPeriod('r.filing_date')} AND r.ip_type IN ('patent', 'utility_solution')`,
		value: 'count(r.ip_id)'
	},

	NV01: { source: 'st_tasks', table: 'st_tasks', join: () => stTaskOngoing('g.p_end'), value: 'count(r.task_id)' },
	NV02: { source: 'st_tasks', table: 'st_tasks', join: () => inPeriod('r.accepted_date'), value: 'count(r.task_id)' },
	NV03: {
		source: 'st_tasks',
		table: 'st_tasks',
		join: () => inPeriod('r.accepted_date'),
		numerator: 'count(r.task_id) FILTER (WHERE r.applied)',
		denominator: 'count(r.task_id)'
	},
	NV04: {
		source: 'st_tasks',
		table: 'st_tasks',
		join: () => `${stTaskOngoing('g.p_end')} AND r.planned_end_date < g.p_end`,
		value: 'count(r.task_id)'
	},
	NV05: { source: 'st_tasks', table: 'st_tasks', join: (S) => sincePlan('r.start_date', S), value: 'count(r.task_id)' },

	NS01: {
		source: 'budget',
		table: 'budget',
		join: () => `${inPeriod(quarterEnd)} AND ${stateBudget}`,
		value: 'coalesce(sum(r.allocated_bn), 0)'
	},
	NS02: {
		source: 'budget',
		table: 'budget',
		join: () => `${inPeriod(quarterEnd)} AND ${stateBudget}`,
		value: 'coalesce(sum(r.disbursed_bn), 0)'
	},
	NS03: {
		source: 'budget',
		table: 'budget',
		join: () => `${inPeriod(quarterEnd)} AND ${stateBudget}`,
		numerator: 'sum(r.disbursed_bn)',
		denominator: 'sum(r.allocated_bn)'
	},
	NS05: {
		source: 'budget',
		table: 'budget',
		join: () => `${inPeriod(quarterEnd)} AND r.source = 'non_state'`,
		value: 'coalesce(sum(r.disbursed_bn), 0)'
	}
};

/** OCOP certificates with their successor and expiry: the basis of every OCOP rule. */
export const OCOP_SEQ_VIEW = `
CREATE OR REPLACE VIEW ocop_seq AS
SELECT *, least(expiry_date, coalesce(revoked_date, expiry_date)) AS end_date
FROM (
  SELECT *, CAST(decision_date + INTERVAL 36 MONTH AS DATE) AS expiry_date,
         lag(stars) OVER w AS prev_stars,
         lead(decision_date) OVER w AS next_decision_date
  FROM ocop_products
  WINDOW w AS (PARTITION BY product_id ORDER BY decision_date, certificate_id)
)`;
