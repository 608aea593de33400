/**
 * Views that give every record the units it counts towards.
 *
 * A record names a province code and carries a date; the unit meant is the one
 * valid at that date (effective-dated units). A record of old Thái Bình (34, 2024)
 * counts for Thái Bình itself, for its districts, and — through the 2025 merger
 * mapping — for new Hưng Yên (33, 2025). Roll-up therefore is a join, and counts
 * are summed, ratios re-aggregated from numerator and denominator.
 *
 * The country unit is deliberately NOT a roll-up of the provinces in the data:
 * seven provinces do not make Việt Nam; national figures come from observations.
 */

/** Date column that decides which unit (vintage) a record belongs to. */
export const RECORD_DATE: Record<string, string> = {
	ocop_products: 'r.decision_date',
	startups: 'r.supported_date',
	st_firms: 'r.certificate_date',
	st_tasks: 'r.start_date',
	ip_titles: 'r.filing_date',
	budget: 'make_date(r.year, (r.quarter - 1) * 3 + 1, 1)'
};

/** Primary key of each record table, used to join a record to its units. */
export const RECORD_KEY: Record<string, string> = {
	ocop_products: 'r.certificate_id',
	startups: 'r.project_id',
	st_firms: 'r.certificate_id',
	st_tasks: 'r.task_id',
	ip_titles: 'r.ip_id',
	budget: "r.province_code || '|' || r.year || '|' || r.quarter || '|' || r.source || '|' || r.category"
};

/** CREATE statement of `unit_rollup`: which units each province's records count towards. */
export const UNIT_ROLLUP = `
CREATE OR REPLACE TABLE unit_rollup AS
SELECT code AS member_code, vintage AS member_vintage, code AS unit_code, vintage AS unit_vintage
FROM units WHERE level = 'province'
UNION ALL
SELECT code, vintage, successor_code, '2025'
FROM units
WHERE level = 'province' AND vintage = '2024' AND successor_code IS NOT NULL
  AND EXISTS (SELECT 1 FROM units n WHERE n.code = units.successor_code AND n.vintage = '2025' AND n.level = 'province')
UNION ALL
-- An old province whose territory did not change (Quảng Ninh 22 → 22) continues as the
-- new one: its 2021–2025 plan is judged on the whole of 2025, so the new unit's records
-- count for it too. A merged province ends on its last day; its territory can no longer
-- be told apart.
SELECT n.code, n.vintage, o.code, o.vintage
FROM units o JOIN units n ON n.code = o.successor_code AND n.vintage = '2025' AND n.level = 'province'
WHERE o.level = 'province' AND o.vintage = '2024' AND o.code = n.code
  AND (SELECT count(*) FROM units p WHERE p.level = 'province' AND p.vintage = '2024' AND p.successor_code = n.code) = 1`;

/** CREATE statement of `<table>_units` (needs `unit_rollup` and `units`). */
export function recordUnitsView(table: string): string {
	const date = RECORD_DATE[table];
	const key = RECORD_KEY[table];
	const hasDistrict = table !== 'budget' && table !== 'st_tasks' && table !== 'ip_titles';
	return `
CREATE OR REPLACE TABLE ${table}_units AS
WITH resolved AS (
  SELECT ${key} AS rec_key, r.province_code, ${hasDistrict ? 'r.district_code' : 'NULL::VARCHAR AS district_code'},
         u.vintage AS rec_vintage
  FROM ${table} r
  JOIN units u ON u.level = 'province' AND u.code = r.province_code
   AND (u.valid_from IS NULL OR ${date} >= u.valid_from)
   AND (u.valid_to IS NULL OR ${date} <= u.valid_to)
)
SELECT rec_key, m.unit_code, m.unit_vintage
FROM resolved JOIN unit_rollup m ON m.member_code = resolved.province_code AND m.member_vintage = resolved.rec_vintage
UNION ALL
SELECT rec_key, district_code, '2024' FROM resolved WHERE district_code IS NOT NULL`;
}

export const RECORD_TABLES = Object.keys(RECORD_DATE);

/** SQL statements that (re)build the roll-up tables after data is loaded or replaced. */
export function viewStatements(): string[] {
	return [UNIT_ROLLUP, ...RECORD_TABLES.map(recordUnitsView)];
}
