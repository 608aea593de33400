/**
 * The data contract of Tiến độ: every dataset a department maintains in `data/`,
 * its columns, their types and the rules a row must satisfy.
 *
 * One definition serves the build-time loader (scripts/build-data.ts), the browser
 * upload, the generator of the default data and `data/README.md`, so a column can
 * never mean one thing in a file and another on screen.
 *
 * Unit identity is effective-dated: a unit is (code, vintage). Vintage 2024 is the
 * 63-province / district system valid until 2025-06-30; vintage 2025 is the
 * 34-province system valid from 2025-07-01. Some codes exist in both vintages
 * (e.g. 33 = old Hưng Yên and new Hưng Yên), so tables that name a unit without a
 * date carry `unit_vintage`; record tables carry a date, and the unit valid at that
 * date is meant.
 */

export type ColumnType = 'text' | 'integer' | 'number' | 'date' | 'boolean';

export interface ColumnSpec {
	name: string;
	type: ColumnType;
	required: boolean;
	/** Allowed values (for text columns). */
	values?: readonly string[];
	/** Smallest allowed value (numbers) — counts and amounts are never negative. */
	min?: number;
	/** Largest allowed value (numbers). */
	max?: number;
	/** Regular expression a text value must match. */
	pattern?: RegExp;
	/** Column must reference a known code (checked after all files are read). */
	ref?: 'indicator' | 'unit' | 'province' | 'district';
	description_vi: string;
	description_en: string;
}

export type Provenance = 'published' | 'calibrated' | 'illustrative';
/** Public datasets go into every build; internal ones only into the internal site (src/lib/data/manifest.ts). */
export type Access = 'public' | 'internal';
export const ACCESS_LEVELS: readonly Access[] = ['public', 'internal'];
export const PROVENANCES: readonly Provenance[] = ['published', 'calibrated', 'illustrative'];

export interface DatasetSpec {
	/** Table name in DuckDB and base name of the file in data/ (.csv, .xlsx or .parquet). */
	name: string;
	title_vi: string;
	title_en: string;
	columns: ColumnSpec[];
	/** Columns whose combination must be unique. */
	key: string[];
	/** Is this dataset required for the dashboard to work? */
	required: boolean;
}

export const DOMAINS = [
	'startups',
	'innovation_centre',
	'st_firms',
	'ocop',
	'ip',
	'st_tasks',
	'budget'
] as const;
export type Domain = (typeof DOMAINS)[number];

export const KINDS = ['level', 'flow', 'cumulative', 'ratio', 'milestone'] as const;
export type Kind = (typeof KINDS)[number];

export const DIRECTIONS = ['up', 'down', 'none'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const SOURCE_TABLES = [
	'observations',
	'ocop_products',
	'startups',
	'st_firms',
	'budget',
	'st_tasks',
	'ip_titles'
] as const;
export type SourceTable = (typeof SOURCE_TABLES)[number];

export const VINTAGES = ['2024', '2025'] as const;

const c = (
	name: string,
	type: ColumnType,
	required: boolean,
	description_vi: string,
	description_en: string,
	extra: Partial<ColumnSpec> = {}
): ColumnSpec => ({ name, type, required, description_vi, description_en, ...extra });

/** Links from data become <a href>: web addresses only, never javascript: or data: URLs (XSS). */
const WEB_URL = /https?:\/\/\S+/;

const provenance = c(
	'provenance',
	'text',
	true,
	'Nguồn gốc số liệu: published (đã công bố), calibrated (sinh ra, khớp số công bố), illustrative (minh họa)',
	'Where the figure comes from: published, calibrated (generated to match published totals) or illustrative',
	{ values: PROVENANCES }
);
const provinceCode = c(
	'province_code',
	'text',
	true,
	'Mã tỉnh (2 chữ số, mã của đơn vị còn hiệu lực tại ngày của bản ghi)',
	'Province code (2 digits) of the unit valid on the record date',
	{ pattern: /^\d{2}$/, ref: 'province' }
);
const districtCode = c(
	'district_code',
	'text',
	false,
	'Mã huyện (3 chữ số), chỉ với bản ghi trước 1/7/2025',
	'District code (3 digits), only for records before 2025-07-01',
	{ pattern: /^\d{3}$/, ref: 'district' }
);
const unitCode = c('unit_code', 'text', true, 'Mã đơn vị hành chính', 'Administrative unit code', {
	pattern: /^(VN|\d{2}|\d{3})$/,
	ref: 'unit'
});
const unitVintage = c(
	'unit_vintage',
	'text',
	true,
	'Hệ đơn vị: 2024 (63 tỉnh, trước 1/7/2025) hoặc 2025 (34 tỉnh, từ 1/7/2025)',
	'Unit system: 2024 (63 provinces, until 2025-06-30) or 2025 (34 provinces, from 2025-07-01)',
	{ values: VINTAGES }
);
const amount = (name: string, vi: string, en: string, required = true) =>
	c(name, 'number', required, vi, en, { min: 0 });

export const DATASETS: DatasetSpec[] = [
	{
		name: 'indicators',
		title_vi: 'Danh mục chỉ tiêu',
		title_en: 'Indicator catalogue',
		required: true,
		key: ['code'],
		columns: [
			c('code', 'text', true, 'Mã chỉ tiêu, ví dụ OC01', 'Indicator code, e.g. OC01', {
				pattern: /^[A-Z]{2}\d{2}$/
			}),
			c('domain', 'text', true, 'Lĩnh vực', 'Domain', { values: DOMAINS }),
			c('name_vi', 'text', true, 'Tên chỉ tiêu (tiếng Việt)', 'Name (Vietnamese)'),
			c('name_en', 'text', true, 'Tên chỉ tiêu (tiếng Anh)', 'Name (English)'),
			c('unit_vi', 'text', true, 'Đơn vị tính (tiếng Việt)', 'Unit of measure (Vietnamese)'),
			c('unit_en', 'text', true, 'Đơn vị tính (tiếng Anh)', 'Unit of measure (English)'),
			c('direction', 'text', true, 'Chiều tốt: up (càng cao càng tốt), down, none', 'Good direction: up, down or none', {
				values: DIRECTIONS
			}),
			c('kind', 'text', true, 'Loại: level, flow, cumulative, ratio, milestone', 'Kind: level, flow, cumulative, ratio, milestone', {
				values: KINDS
			}),
			c('source_table', 'text', true, 'Bảng dữ liệu tính ra chỉ tiêu', 'Table the indicator is computed from', {
				values: SOURCE_TABLES
			}),
			c('definition_vi', 'text', true, 'Định nghĩa, cách tính', 'Definition (Vietnamese)'),
			c('definition_en', 'text', true, 'Định nghĩa (tiếng Anh)', 'Definition (English)')
		]
	},
	{
		name: 'units',
		title_vi: 'Đơn vị hành chính (theo thời gian hiệu lực)',
		title_en: 'Administrative units (effective-dated)',
		required: true,
		key: ['code', 'vintage'],
		columns: [
			c('code', 'text', true, 'Mã đơn vị (VN, 2 chữ số tỉnh, 3 chữ số huyện)', 'Unit code (VN, 2-digit province, 3-digit district)', {
				pattern: /^(VN|\d{2}|\d{3})$/
			}),
			c('vintage', 'text', true, 'Hệ đơn vị 2024 hoặc 2025', 'Unit system 2024 or 2025', { values: VINTAGES }),
			c('level', 'text', true, 'Cấp: country, province, district', 'Level: country, province, district', {
				values: ['country', 'province', 'district']
			}),
			c('name_vi', 'text', true, 'Tên (tiếng Việt)', 'Name (Vietnamese)'),
			c('name_en', 'text', true, 'Tên (không dấu / tiếng Anh)', 'Name (English / ASCII)'),
			c('parent_code', 'text', false, 'Mã đơn vị cấp trên', 'Parent unit code'),
			c('valid_from', 'date', false, 'Hiệu lực từ ngày', 'Valid from'),
			c('valid_to', 'date', false, 'Hiệu lực đến ngày (trống = còn hiệu lực)', 'Valid to (empty = still valid)'),
			c('successor_code', 'text', false, 'Mã tỉnh mới (hệ 2025) tiếp nhận đơn vị này', 'Code of the 2025 province that took this unit over'),
			c('communes', 'integer', false, 'Số đơn vị hành chính cấp xã', 'Number of commune-level units', { min: 0 }),
			c('source', 'text', true, 'Nguồn', 'Source')
		]
	},
	{
		name: 'targets',
		title_vi: 'Chỉ tiêu kế hoạch',
		title_en: 'Plan targets',
		required: true,
		key: ['indicator', 'unit_code', 'unit_vintage', 'plan', 'basis', 'target_year'],
		columns: [
			c('indicator', 'text', true, 'Mã chỉ tiêu', 'Indicator code', { ref: 'indicator' }),
			unitCode,
			unitVintage,
			c('plan', 'text', true, 'Kế hoạch, ví dụ 2021-2025 hoặc 2026-2030', 'Plan period, e.g. 2021-2025 or 2026-2030', {
				pattern: /^\d{4}-\d{4}$/
			}),
			c('basis', 'text', true, 'Căn cứ: provincial (tỉnh giao) hoặc central (trung ương giao)', 'Basis: provincial or central', {
				values: ['provincial', 'central']
			}),
			c('baseline_year', 'integer', false, 'Năm gốc', 'Baseline year', { min: 2000, max: 2100 }),
			c('baseline_value', 'number', false, 'Giá trị năm gốc', 'Baseline value'),
			c('target_year', 'integer', true, 'Năm mục tiêu', 'Target year', { min: 2000, max: 2100 }),
			c('target_min', 'number', true, 'Mục tiêu (cận dưới nếu là khoảng)', 'Target (lower bound of a range)'),
			c('target_max', 'number', false, 'Cận trên nếu mục tiêu là khoảng (120–140)', 'Upper bound of a range target'),
			c('document', 'text', true, 'Văn bản giao chỉ tiêu', 'Document that sets the target'),
			c('source_url', 'text', false, 'Đường dẫn nguồn (http:// hoặc https://)', 'Source URL (http:// or https://)', { pattern: WEB_URL }),
			provenance,
			c('note', 'text', false, 'Ghi chú', 'Note')
		]
	},
	{
		name: 'observations',
		title_vi: 'Số liệu theo kỳ',
		title_en: 'Observations by period',
		required: true,
		key: ['indicator', 'unit_code', 'unit_vintage', 'period'],
		columns: [
			c('indicator', 'text', true, 'Mã chỉ tiêu', 'Indicator code', { ref: 'indicator' }),
			unitCode,
			unitVintage,
			c('period', 'text', true, 'Kỳ: 2024, 2024-Q3 hoặc 2024-10', 'Period: 2024, 2024-Q3 or 2024-10', {
				pattern: /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/
			}),
			c('as_of', 'date', false, 'Số liệu tính đến ngày (trống = cuối kỳ)', 'Figure as of date (empty = end of period)'),
			c('value', 'number', false, 'Giá trị (với tỷ lệ: để trống, tính từ tử số/mẫu số)', 'Value (ratios: leave empty, computed from numerator/denominator)'),
			c('numerator', 'number', false, 'Tử số (chỉ tiêu tỷ lệ)', 'Numerator (ratio indicators)', { min: 0 }),
			c('denominator', 'number', false, 'Mẫu số (chỉ tiêu tỷ lệ)', 'Denominator (ratio indicators)', { min: 0 }),
			c('status', 'text', true, 'final (chính thức) hoặc estimated (ước)', 'final or estimated', {
				values: ['final', 'estimated']
			}),
			c('source', 'text', true, 'Nguồn (văn bản, báo cáo, bài báo)', 'Source (document, report, article)'),
			c('source_url', 'text', false, 'Đường dẫn nguồn (http:// hoặc https://)', 'Source URL (http:// or https://)', { pattern: WEB_URL }),
			provenance,
			c('note', 'text', false, 'Ghi chú', 'Note')
		]
	},
	{
		name: 'published_figures',
		title_vi: 'Số liệu đã công bố dùng để đối chiếu',
		title_en: 'Published figures the records are reconciled with',
		required: false,
		key: ['indicator', 'unit_code', 'unit_vintage', 'as_of'],
		columns: [
			c('indicator', 'text', true, 'Mã chỉ tiêu', 'Indicator code', { ref: 'indicator' }),
			unitCode,
			unitVintage,
			c('as_of', 'date', true, 'Ngày số liệu', 'Date the figure refers to'),
			c('value', 'number', true, 'Giá trị công bố', 'Published value'),
			c('source_title', 'text', true, 'Tên nguồn', 'Source title'),
			c('source_url', 'text', false, 'Đường dẫn nguồn (http:// hoặc https://)', 'Source URL (http:// or https://)', { pattern: WEB_URL }),
			c('note', 'text', false, 'Ghi chú (độ chắc chắn của ngày)', 'Note (how certain the date is)')
		]
	},
	{
		name: 'ocop_products',
		title_vi: 'Giấy chứng nhận sản phẩm OCOP',
		title_en: 'OCOP product certificates',
		required: true,
		key: ['certificate_id'],
		columns: [
			c('certificate_id', 'text', true, 'Mã giấy chứng nhận', 'Certificate id'),
			c('product_id', 'text', true, 'Mã sản phẩm (giữ nguyên khi đánh giá lại, nâng hạng)', 'Product id (kept across re-rating and upgrades)'),
			c('product_name', 'text', true, 'Tên sản phẩm', 'Product name'),
			c('product_group', 'text', true, 'Nhóm sản phẩm OCOP', 'OCOP product group', {
				values: ['food', 'beverage', 'herbal', 'textile', 'handicraft', 'tourism']
			}),
			c('producer_id', 'text', true, 'Mã chủ thể', 'Producer id'),
			c('producer_name', 'text', true, 'Tên chủ thể', 'Producer name'),
			c('producer_type', 'text', true, 'Loại chủ thể', 'Producer type', {
				values: ['cooperative', 'enterprise', 'household', 'cooperative_group']
			}),
			provinceCode,
			districtCode,
			c('stars', 'integer', true, 'Số sao (3–5)', 'Stars (3–5)', { min: 3, max: 5 }),
			c('decision_no', 'text', true, 'Số quyết định công nhận', 'Recognition decision number'),
			c('decision_date', 'date', true, 'Ngày quyết định (chứng nhận có hiệu lực 36 tháng)', 'Decision date (certificate valid 36 months)'),
			c('revoked_date', 'date', false, 'Ngày thu hồi (nếu có)', 'Revocation date, if any'),
			provenance
		]
	},
	{
		name: 'startups',
		title_vi: 'Dự án khởi nghiệp đổi mới sáng tạo được hỗ trợ',
		title_en: 'Supported innovative startup projects',
		required: true,
		key: ['project_id'],
		columns: [
			c('project_id', 'text', true, 'Mã dự án', 'Project id'),
			c('project_name', 'text', true, 'Tên dự án', 'Project name'),
			provinceCode,
			districtCode,
			c('sector', 'text', true, 'Lĩnh vực', 'Sector'),
			c('support_org', 'text', true, 'Tổ chức hỗ trợ', 'Support organisation'),
			c('supported_date', 'date', true, 'Ngày được hỗ trợ', 'Date support started'),
			c('incubated_at_centre', 'boolean', true, 'Ươm tạo tại Trung tâm ĐMST tỉnh', 'Incubated at the provincial Innovation Centre'),
			c('firm_founded_date', 'date', false, 'Ngày thành lập doanh nghiệp khởi nghiệp', 'Date the startup firm was founded'),
			c('capital_raised_date', 'date', false, 'Ngày gọi vốn thành công đầu tiên', 'Date of first capital raised'),
			amount('capital_raised_bn', 'Vốn gọi được (tỷ đồng)', 'Capital raised (billion VND)', false),
			provenance
		]
	},
	{
		name: 'st_firms',
		title_vi: 'Giấy chứng nhận doanh nghiệp KH&CN',
		title_en: 'S&T enterprise certificates',
		required: true,
		key: ['certificate_id'],
		columns: [
			c('certificate_id', 'text', true, 'Số giấy chứng nhận', 'Certificate number'),
			c('firm_id', 'text', true, 'Mã số doanh nghiệp', 'Firm id'),
			c('firm_name', 'text', true, 'Tên doanh nghiệp', 'Firm name'),
			provinceCode,
			districtCode,
			c('field', 'text', true, 'Lĩnh vực', 'Field'),
			c('certificate_date', 'date', true, 'Ngày cấp', 'Date issued'),
			c('revoked_date', 'date', false, 'Ngày thu hồi/hết hiệu lực', 'Date revoked or lapsed'),
			provenance
		]
	},
	{
		name: 'budget',
		title_vi: 'Dự toán và giải ngân chi KH&CN theo quý',
		title_en: 'S&T budget allocation and disbursement by quarter',
		required: true,
		key: ['province_code', 'year', 'quarter', 'source', 'category'],
		columns: [
			provinceCode,
			c('year', 'integer', true, 'Năm', 'Year', { min: 2000, max: 2100 }),
			c('quarter', 'integer', true, 'Quý (1–4)', 'Quarter (1–4)', { min: 1, max: 4 }),
			c('source', 'text', true, 'Nguồn vốn', 'Funding source', { values: ['central', 'provincial', 'non_state'] }),
			c('category', 'text', true, 'Loại chi', 'Spending category', { values: ['recurrent', 'investment'] }),
			amount('allocated_bn', 'Dự toán giao trong quý (tỷ đồng)', 'Allocated in the quarter (billion VND)'),
			amount('disbursed_bn', 'Giải ngân trong quý (tỷ đồng)', 'Disbursed in the quarter (billion VND)'),
			provenance
		]
	},
	{
		name: 'st_tasks',
		title_vi: 'Nhiệm vụ KH&CN',
		title_en: 'S&T tasks',
		required: true,
		key: ['task_id'],
		columns: [
			c('task_id', 'text', true, 'Mã nhiệm vụ', 'Task id'),
			c('title', 'text', true, 'Tên nhiệm vụ', 'Title'),
			provinceCode,
			c('level', 'text', true, 'Cấp quản lý', 'Level', { values: ['national', 'provincial', 'grassroots'] }),
			c('field', 'text', true, 'Lĩnh vực', 'Field'),
			c('start_date', 'date', true, 'Ngày bắt đầu', 'Start date'),
			c('planned_end_date', 'date', true, 'Ngày kết thúc theo hợp đồng', 'Planned end date'),
			c('accepted_date', 'date', false, 'Ngày nghiệm thu', 'Acceptance date'),
			c('cancelled_date', 'date', false, 'Ngày dừng/hủy', 'Cancellation date'),
			c('applied', 'boolean', false, 'Kết quả được ứng dụng/chuyển giao', 'Results applied or transferred'),
			amount('budget_bn', 'Kinh phí (tỷ đồng)', 'Funding (billion VND)'),
			provenance
		]
	},
	{
		name: 'ip_titles',
		title_vi: 'Văn bằng, đơn sở hữu trí tuệ',
		title_en: 'Intellectual property filings and titles',
		required: true,
		key: ['ip_id'],
		columns: [
			c('ip_id', 'text', true, 'Mã đơn/văn bằng', 'Filing or title id'),
			provinceCode,
			c('ip_type', 'text', true, 'Loại', 'Type', {
				values: ['certification_mark', 'collective_mark', 'geographical_indication', 'patent', 'utility_solution']
			}),
			c('name', 'text', true, 'Tên đối tượng', 'Subject name'),
			c('owner', 'text', true, 'Chủ sở hữu', 'Owner'),
			c('filing_date', 'date', true, 'Ngày nộp đơn', 'Filing date'),
			c('grant_date', 'date', false, 'Ngày cấp văn bằng', 'Grant date'),
			provenance
		]
	},
	{
		name: 'datasets',
		title_vi: 'Nguồn gốc các tập dữ liệu',
		title_en: 'Provenance of each dataset',
		required: true,
		key: ['dataset'],
		columns: [
			c('dataset', 'text', true, 'Tên tập dữ liệu (tên tệp không có đuôi)', 'Dataset (file name without extension)'),
			provenance,
			c('as_of', 'date', true, 'Số liệu tính đến ngày', 'Data as of'),
			c('description_vi', 'text', true, 'Mô tả nguồn gốc', 'How it was made (Vietnamese)'),
			c('description_en', 'text', true, 'Mô tả nguồn gốc (tiếng Anh)', 'How it was made (English)'),
			c(
				'access',
				'text',
				false,
				'Phạm vi công bố: public (công khai) hoặc internal (nội bộ, chưa được phép công bố: không có trong bản công khai `npm run build:public`); để trống: theo mặc định (budget và st_tasks là internal)',
				'Who may see it: public, or internal (not yet approved for publication: left out of the public site, `npm run build:public`); empty: the default (budget and st_tasks are internal)',
				{ values: ACCESS_LEVELS }
			)
		]
	}
];

export function datasetSpec(name: string): DatasetSpec | undefined {
	return DATASETS.find((d) => d.name === name);
}

/** OCOP certificates are valid for 36 months from the decision date (QĐ 148/QĐ-TTg). */
export const OCOP_VALIDITY_MONTHS = 36;
