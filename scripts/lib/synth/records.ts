/**
 * SQL that generates the record tables, run by native DuckDB (fast at 10M rows).
 *
 * Randomness is DuckDB's `hash(i, salt, seed)`: a pure function of the row number, so
 * the same seed gives the same rows in the same order, whatever the thread count.
 * Every row is placed in an old province (vintage 2024) and, when its date falls on or
 * after 2025-07-01, in the new province that took that territory over; districts are
 * only the 73 that exist in units.csv (the communes of the shared files are not
 * listed, so none are invented).
 */
import type { ScaleCounts } from './scales';

export const AS_OF = '2026-10-31';
const LAST_OLD_DAY = '2025-06-30';

/** Tables the generators read: provinces, districts and the random macro. */
export function setupSql(unitsCsv: string, seed: number): string[] {
	return [
		`CREATE OR REPLACE MACRO rnd(i, salt) AS ((hash(i, salt, ${Math.trunc(seed)}) % 1000003)::DOUBLE / 1000003)`,
		`CREATE OR REPLACE MACRO pick(xs, x) AS xs[1 + floor(x * len(xs))::INTEGER]`,
		`CREATE OR REPLACE MACRO rday(i, salt) AS (DATE '2019-01-01' + floor(rnd(i, salt) * (DATE '${AS_OF}' - DATE '2019-01-01' + 1))::INTEGER)`,
		`CREATE OR REPLACE TABLE units AS SELECT * FROM read_csv('${unitsCsv}', header = true, all_varchar = true)`,
		`CREATE OR REPLACE TABLE prov AS
		 SELECT (row_number() OVER (ORDER BY code) - 1)::INTEGER AS idx, code, successor_code
		 FROM units WHERE level = 'province' AND vintage = '2024' AND successor_code IS NOT NULL`,
		`CREATE OR REPLACE TABLE dist AS
		 SELECT parent_code AS province_code, (row_number() OVER (PARTITION BY parent_code ORDER BY code) - 1)::INTEGER AS idx, code,
		        count(*) OVER (PARTITION BY parent_code) AS n, valid_from::DATE AS vf, valid_to::DATE AS vt
		 FROM units WHERE level = 'district'`
	];
}

/**
 * Rows 0..n-1 with a date `d`, its province (old or new by the date) and, before the
 * merger and where the province has districts listed, a district.
 */
function placed(n: number, salt: string, dateExpr = `rday(i, '${salt}:d')`): string {
	return `
WITH b AS (
  SELECT i, ${dateExpr} AS d, floor(rnd(i, '${salt}:p') * (SELECT count(*) FROM prov))::INTEGER AS pidx
  FROM range(${n}) t(i)
)
SELECT b.i, b.d,
       CASE WHEN b.d <= DATE '${LAST_OLD_DAY}' THEN p.code ELSE p.successor_code END AS province_code,
       CASE WHEN ${districtInForce('b.d', 'dd')} THEN dd.code END AS district_code
FROM b JOIN prov p ON p.idx = b.pidx
LEFT JOIN (SELECT DISTINCT province_code, n FROM dist) dn ON dn.province_code = p.code
LEFT JOIN dist dd ON dd.province_code = p.code AND dd.idx = floor(rnd(b.i, '${salt}:dist') * dn.n)::INTEGER`;
}

/** A district counts only while it exists (some ended before the 2025 reform). */
const districtInForce = (d: string, a: string) =>
	`${d} <= DATE '${LAST_OLD_DAY}' AND (${a}.vf IS NULL OR ${d} >= ${a}.vf) AND (${a}.vt IS NULL OR ${d} <= ${a}.vt)`;

const id = (prefix: string, i = 'i') => `'${prefix}' || lpad(${i}::VARCHAR, 8, '0')`;
const notAfterAsOf = (d: string) => `CASE WHEN ${d} <= DATE '${AS_OF}' THEN ${d} END`;

const FIELDS = `['Công nghệ sinh học', 'Công nghệ thông tin', 'Chế biến thực phẩm', 'Năng lượng', 'Công nghệ môi trường', 'Cơ khí - tự động hóa']`;

export function stFirmsSql(c: ScaleCounts): string {
	return `
SELECT ${id('DNKHCN-')} AS certificate_id, ${id('DN')} AS firm_id, 'Doanh nghiệp minh họa ' || i AS firm_name,
       province_code, district_code, pick(${FIELDS}, rnd(i, 'f:field')) AS field,
       d AS certificate_date,
       CASE WHEN rnd(i, 'f:rv') < 0.06 THEN ${notAfterAsOf(`d + 200 + floor(rnd(i, 'f:rvd') * 1500)::INTEGER`)} END AS revoked_date,
       'illustrative' AS provenance
FROM (${placed(c.stFirms, 'f')}) ORDER BY i`;
}

export function ipTitlesSql(c: ScaleCounts): string {
	return `
SELECT ${id('SHTT-')} AS ip_id, province_code,
       CASE WHEN x < 0.25 THEN 'patent' WHEN x < 0.5 THEN 'utility_solution' WHEN x < 0.8 THEN 'collective_mark'
            WHEN x < 0.95 THEN 'certification_mark' ELSE 'geographical_indication' END AS ip_type,
       'Đối tượng minh họa ' || i AS name, 'Chủ sở hữu minh họa ' || (i % 50000) AS owner,
       d AS filing_date,
       CASE WHEN rnd(i, 'ip:g') < 0.6 THEN ${notAfterAsOf(`d + 300 + floor(rnd(i, 'ip:gd') * 900)::INTEGER`)} END AS grant_date,
       'illustrative' AS provenance
FROM (SELECT *, rnd(i, 'ip:type') AS x FROM (${placed(c.ipTitles, 'ip')})) ORDER BY i`;
}

export function stTasksSql(c: ScaleCounts): string {
	return `
SELECT ${id('NV-')} AS task_id, 'Nhiệm vụ KH&CN minh họa ' || i AS title, province_code,
       CASE WHEN rnd(i, 't:lv') < 0.1 THEN 'national' WHEN rnd(i, 't:lv') < 0.7 THEN 'provincial' ELSE 'grassroots' END AS level,
       pick(${FIELDS}, rnd(i, 't:field')) AS field,
       d AS start_date, planned_end AS planned_end_date, accepted AS accepted_date,
       CASE WHEN accepted IS NULL AND rnd(i, 't:c') < 0.05 THEN ${notAfterAsOf(`d + floor(rnd(i, 't:cd') * 500)::INTEGER`)} END AS cancelled_date,
       CASE WHEN accepted IS NOT NULL THEN rnd(i, 't:ap') < 0.6 END AS applied,
       round(0.2 + rnd(i, 't:b') * 5, 3) AS budget_bn,
       'illustrative' AS provenance
FROM (
  SELECT *, CASE WHEN rnd(i, 't:a') < 0.85 THEN ${notAfterAsOf(`planned_end - 90 + floor(rnd(i, 't:ad') * 240)::INTEGER`)} END AS accepted
  FROM (SELECT *, d + 365 + floor(rnd(i, 't:pe') * 730)::INTEGER AS planned_end FROM (${placed(c.stTasks, 't')}))
) ORDER BY i`;
}

export function startupsSql(c: ScaleCounts): string {
	return `
SELECT ${id('KN-')} AS project_id, 'Dự án khởi nghiệp minh họa ' || i AS project_name, province_code, district_code,
       pick(${FIELDS}, rnd(i, 's:sector')) AS sector, 'Tổ chức hỗ trợ minh họa ' || (i % 500) AS support_org,
       d AS supported_date, rnd(i, 's:inc') < 0.15 AS incubated_at_centre,
       founded AS firm_founded_date, raised AS capital_raised_date,
       CASE WHEN raised IS NOT NULL THEN round(0.5 + rnd(i, 's:cap') * 20, 3) END AS capital_raised_bn,
       'illustrative' AS provenance
FROM (
  SELECT *, CASE WHEN founded IS NOT NULL AND rnd(i, 's:r') < 0.3 THEN ${notAfterAsOf(`founded + 60 + floor(rnd(i, 's:rd') * 700)::INTEGER`)} END AS raised
  FROM (
    SELECT *, CASE WHEN rnd(i, 's:f') < 0.4 THEN ${notAfterAsOf(`d + 30 + floor(rnd(i, 's:fd') * 600)::INTEGER`)} END AS founded
    FROM (${placed(c.startups, 's')})
  )
) ORDER BY i`;
}

/**
 * Products certified once and re-rated before the 36 months run out (80 % each time),
 * one star up in one re-rating of five. A certificate dated after the merger names the
 * new province; products share producers two by two.
 */
export function ocopSql(c: ScaleCounts): string {
	return `
WITH prod AS (
  SELECT i AS p, d AS d0, pidx, district_code, vf, vt,
         CASE WHEN rnd(i, 'o:s') < 0.70 THEN 3 WHEN rnd(i, 'o:s') < 0.97 THEN 4 ELSE 5 END AS s0
  FROM (
    SELECT b.*, dd.code AS district_code, dd.vf, dd.vt FROM (
      SELECT i, rday(i, 'o:d') AS d, floor(rnd(i // 2, 'o:p') * (SELECT count(*) FROM prov))::INTEGER AS pidx FROM range(${c.ocopProducts}) t(i)
    ) b
    JOIN prov p ON p.idx = b.pidx
    LEFT JOIN (SELECT DISTINCT province_code, n FROM dist) dn ON dn.province_code = p.code
    LEFT JOIN dist dd ON dd.province_code = p.code AND dd.idx = floor(rnd(b.i, 'o:dist') * dn.n)::INTEGER
  )
),
certs AS (
  SELECT p, k, pidx, district_code, vf, vt,
         d0 + (k * (1095 - floor(rnd(p * 3 + k, 'o:gap') * 60)))::INTEGER AS d,
         least(5, s0 + (CASE WHEN k >= 1 AND rnd(p, 'o:up1') < 0.2 THEN 1 ELSE 0 END)
                     + (CASE WHEN k >= 2 AND rnd(p, 'o:up2') < 0.2 THEN 1 ELSE 0 END)) AS stars
  FROM prod, range(3) r(k)
  WHERE k = 0 OR (k >= 1 AND rnd(p, 'o:re1') < 0.8 AND (k = 1 OR rnd(p, 'o:re2') < 0.8))
),
live AS (
  SELECT *, max(k) OVER (PARTITION BY p) AS last_k FROM certs WHERE d <= DATE '${AS_OF}'
)
SELECT 'OCOP-' || lpad(p::VARCHAR, 6, '0') || '-' || k AS certificate_id, 'SP' || lpad(p::VARCHAR, 6, '0') AS product_id,
       'Sản phẩm OCOP minh họa ' || p AS product_name,
       pick(['food', 'beverage', 'herbal', 'textile', 'handicraft', 'tourism'], rnd(p, 'o:g')) AS product_group,
       'CT' || lpad((p // 2)::VARCHAR, 6, '0') AS producer_id, 'Chủ thể minh họa ' || (p // 2) AS producer_name,
       pick(['cooperative', 'enterprise', 'household', 'cooperative_group'], rnd(p // 2, 'o:pt')) AS producer_type,
       CASE WHEN d <= DATE '${LAST_OLD_DAY}' THEN pr.code ELSE pr.successor_code END AS province_code,
       CASE WHEN ${districtInForce('d', 'live')} THEN district_code END AS district_code,
       stars, (100 + floor(rnd(p * 3 + k, 'o:no') * 900)::INTEGER) || '/QĐ-UBND' AS decision_no, d AS decision_date,
       CASE WHEN k = last_k AND rnd(p, 'o:rv') < 0.02 THEN ${notAfterAsOf(`d + 100 + floor(rnd(p, 'o:rvd') * 600)::INTEGER`)} END AS revoked_date,
       'illustrative' AS provenance
FROM live JOIN prov pr ON pr.idx = live.pidx
ORDER BY p, k`;
}

/** Every quarter, source and category of every province in force on the quarter's first day. */
export function budgetSql(): string {
	return `
WITH q AS (
  SELECT y AS year, qq AS quarter, make_date(y, (qq - 1) * 3 + 1, 1) AS d
  FROM range(2019, 2027) a(y), range(1, 5) b(qq)
  WHERE make_date(y, qq * 3, 1) <= DATE '${AS_OF}'
),
p AS (
  SELECT code, valid_from::DATE AS vf, valid_to::DATE AS vt FROM units WHERE level = 'province'
),
lines AS (
  SELECT p.code AS province_code, q.year, q.quarter, s.source, c.category
  FROM q JOIN p ON (p.vf IS NULL OR q.d >= p.vf) AND (p.vt IS NULL OR q.d <= p.vt),
       (VALUES ('central'), ('provincial'), ('non_state')) s(source), (VALUES ('investment'), ('recurrent')) c(category)
)
SELECT province_code, year, quarter, source, category, allocated_bn,
       round(allocated_bn * (0.3 + rnd(k, 'b:d') * 0.8), 3) AS disbursed_bn, 'illustrative' AS provenance
FROM (
  SELECT *, hash(province_code, year, quarter, source, category) AS k,
         round(1 + rnd(hash(province_code, year, quarter, source, category), 'b:a') * 80, 3) AS allocated_bn
  FROM lines
)
ORDER BY province_code, year, quarter, source, category`;
}
