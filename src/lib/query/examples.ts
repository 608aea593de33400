/**
 * Example queries, one or more per domain, that run on the default data and show the
 * rules the dashboard uses (an OCOP certificate is in force for 36 months unless
 * replaced or revoked; ratios are sum/sum; a record counts for the unit valid at its
 * date). Dates default to the data's as-of date, read from the `datasets` table.
 *
 * `{name}` in the text becomes name_vi or name_en, so province names follow the
 * page's language. tests/query/examples.test.ts runs every one on the real data.
 */
import type { Lang } from '../i18n/messages';

export interface Example {
	id: string;
	domain: 'ocop' | 'startups' | 'budget' | 'st_tasks' | 'ip' | 'st_firms';
	title_vi: string;
	title_en: string;
	/** The rule the query applies, shown as a comment above it. */
	note_vi?: string;
	note_en?: string;
	sql: string;
}

/** The data's as-of date, as the examples write it (tests substitute other dates here). */
export const AS_OF_SQL = '(SELECT max(as_of) FROM datasets)';

/** Units valid on `d`: old provinces until 30/6/2025, the new ones from 1/7/2025. */
const validOn = (u: string, d: string) => `(${u}.valid_from IS NULL OR ${u}.valid_from <= ${d}) AND (${u}.valid_to IS NULL OR ${u}.valid_to >= ${d})`;

export const EXAMPLES: readonly Example[] = [
	{
		id: 'ocop-in-force',
		domain: 'ocop',
		title_vi: 'Sản phẩm OCOP còn hiệu lực theo hạng sao, theo tỉnh',
		title_en: 'OCOP products in force by star rating, by province',
		note_vi: 'Còn hiệu lực tại một ngày: chứng nhận mới nhất của sản phẩm, trong 36 tháng, chưa bị thu hồi.',
		note_en: "In force on a date: the product's latest certificate, within 36 months, not revoked.",
		sql: `WITH p AS (SELECT ${AS_OF_SQL} AS at)
SELECT u.{name} AS province, s.stars, count(*) AS products, any_value(p.at) AS at
FROM ocop_seq s
CROSS JOIN p
JOIN ocop_products_units pu ON pu.rec_key = s.certificate_id
JOIN units u ON u.code = pu.unit_code AND u.vintage = pu.unit_vintage AND u.level = 'province'
WHERE s.decision_date <= p.at
  AND (s.next_decision_date IS NULL OR s.next_decision_date > p.at)
  AND s.expiry_date > p.at
  AND (s.revoked_date IS NULL OR s.revoked_date > p.at)
  AND ${validOn('u', 'p.at')}
GROUP BY ALL
ORDER BY province, stars`
	},
	{
		id: 'startup-pipeline',
		domain: 'startups',
		title_vi: 'Khởi nghiệp: dự án được hỗ trợ → thành lập doanh nghiệp → gọi được vốn, theo năm',
		title_en: 'Startups: projects supported → firms founded → capital raised, by cohort year',
		note_vi: 'Mỗi lứa dự án được hỗ trợ trong năm đã đi được bao xa.',
		note_en: "Each year's cohort of supported projects and how far it has come.",
		sql: `SELECT u.{name} AS province, year(s.supported_date) AS cohort,
       count(*) AS projects,
       count(s.firm_founded_date) AS firms_founded,
       count(s.capital_raised_date) AS raised_capital,
       round(coalesce(sum(s.capital_raised_bn), 0), 1) AS capital_bn
FROM startups s
JOIN units u ON u.code = s.province_code AND u.level = 'province' AND ${validOn('u', 's.supported_date')}
GROUP BY ALL
ORDER BY province, cohort`
	},
	{
		id: 'budget-by-quarter',
		domain: 'budget',
		title_vi: 'Giải ngân ngân sách nhà nước cho KH&CN theo quý',
		title_en: 'State S&T budget disbursement by quarter',
		note_vi: 'Ngân sách nhà nước (trung ương + địa phương); tỷ lệ = tổng giải ngân / tổng dự toán.',
		note_en: 'State budget (central + provincial); the rate is total disbursed / total allocated.',
		sql: `SELECT u.{name} AS province, b.year, b.quarter,
       round(sum(b.allocated_bn), 3) AS allocated_bn,
       round(sum(b.disbursed_bn), 3) AS disbursed_bn,
       round(100 * sum(b.disbursed_bn) / nullif(sum(b.allocated_bn), 0), 1) AS disbursed_pct
FROM budget b
JOIN units u ON u.code = b.province_code AND u.level = 'province'
  AND ${validOn('u', 'make_date(b.year, (b.quarter - 1) * 3 + 1, 1)')}
WHERE b.source IN ('central', 'provincial')
GROUP BY ALL
ORDER BY province, b.year, b.quarter`
	},
	{
		id: 'overdue-tasks',
		domain: 'st_tasks',
		title_vi: 'Nhiệm vụ KH&CN quá hạn chưa nghiệm thu',
		title_en: 'Overdue S&T tasks not yet accepted',
		note_vi: 'Đang thực hiện tại ngày (đã bắt đầu, chưa nghiệm thu, chưa dừng) và đã quá ngày kết thúc theo hợp đồng.',
		note_en: 'Ongoing on the date (started, not accepted, not cancelled) and past the contract end date.',
		sql: `WITH p AS (SELECT ${AS_OF_SQL} AS at)
SELECT t.task_id, t.title, u.{name} AS province, t.level, t.planned_end_date,
       date_diff('day', t.planned_end_date, p.at) AS days_overdue, t.budget_bn
FROM st_tasks t
CROSS JOIN p
JOIN units u ON u.code = t.province_code AND u.level = 'province' AND ${validOn('u', 't.start_date')}
WHERE t.start_date <= p.at
  AND (t.accepted_date IS NULL OR t.accepted_date > p.at)
  AND (t.cancelled_date IS NULL OR t.cancelled_date > p.at)
  AND t.planned_end_date < p.at
ORDER BY days_overdue DESC, t.task_id`
	},
	{
		id: 'ip-by-type',
		domain: 'ip',
		title_vi: 'Đơn và văn bằng sở hữu trí tuệ theo loại và năm nộp đơn',
		title_en: 'IP filings and titles by type and filing year',
		sql: `SELECT year(filing_date) AS filing_year, ip_type,
       count(*) AS filings,
       count(grant_date) AS granted
FROM ip_titles
GROUP BY ALL
ORDER BY filing_year, ip_type`
	},
	{
		id: 'st-firms-in-force',
		domain: 'st_firms',
		title_vi: 'Doanh nghiệp KH&CN còn hiệu lực chứng nhận, theo tỉnh và lĩnh vực',
		title_en: 'Certified S&T enterprises in force, by province and field',
		note_vi: 'Giấy chứng nhận được tính từ ngày cấp đến khi bị thu hồi hoặc hết hiệu lực.',
		note_en: 'A certificate counts from its date until it is revoked or lapses.',
		sql: `WITH p AS (SELECT ${AS_OF_SQL} AS at)
SELECT u.{name} AS province, f.field, count(*) AS firms, any_value(p.at) AS at
FROM st_firms f
CROSS JOIN p
JOIN st_firms_units fu ON fu.rec_key = f.certificate_id
JOIN units u ON u.code = fu.unit_code AND u.vintage = fu.unit_vintage AND u.level = 'province'
WHERE f.certificate_date <= p.at
  AND (f.revoked_date IS NULL OR f.revoked_date > p.at)
  AND ${validOn('u', 'p.at')}
GROUP BY ALL
ORDER BY province, firms DESC, f.field`
	}
];

/** The example's text for the page's language, with its title as a comment. */
export function exampleSql(ex: Example, lang: Lang): string {
	const title = lang === 'vi' ? ex.title_vi : ex.title_en;
	const note = lang === 'vi' ? ex.note_vi : ex.note_en;
	return `-- ${title}\n${note ? `-- ${note}\n` : ''}${ex.sql.replaceAll('{name}', lang === 'vi' ? 'name_vi' : 'name_en')}\n`;
}
