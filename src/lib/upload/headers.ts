/**
 * Vietnamese column headers as departments write them, mapped to the columns of the
 * data contract (schema.ts). The first label of each column is the one the templates
 * use, so a filled template loads without any mapping; the others are the variants
 * seen in provincial reports. Matching ignores case, spacing, a trailing colon, units
 * in parentheses and (as a last resort) diacritics — see text.ts.
 */
import type { ColumnSpec, DatasetSpec } from '../data/schema';
import { asciiKey, bareKey, labelKey } from './text';

type Labels = Record<string, readonly string[]>;

const PROVENANCE = ['Nguồn gốc số liệu', 'Nguồn gốc'];
const PROVINCE = ['Mã tỉnh', 'Tỉnh', 'Tỉnh/thành phố', 'Tỉnh, thành phố', 'Tỉnh/TP', 'Đơn vị tỉnh'];
const DISTRICT = ['Mã huyện', 'Mã huyện/thị xã', 'Mã cấp huyện'];
const UNIT_CODE = ['Mã đơn vị', 'Mã đơn vị hành chính'];
const UNIT_VINTAGE = ['Hệ đơn vị', 'Hệ đơn vị hành chính'];
const SOURCE_URL = ['Đường dẫn nguồn', 'Link nguồn', 'Đường dẫn'];
const NOTE = ['Ghi chú'];

export const LABELS: Record<string, Labels> = {
	indicators: {
		code: ['Mã chỉ tiêu'],
		domain: ['Lĩnh vực'],
		name_vi: ['Tên chỉ tiêu', 'Tên chỉ tiêu (tiếng Việt)'],
		name_en: ['Tên chỉ tiêu tiếng Anh', 'Tên chỉ tiêu (tiếng Anh)'],
		unit_vi: ['Đơn vị tính', 'ĐVT'],
		unit_en: ['Đơn vị tính tiếng Anh', 'Đơn vị tính (tiếng Anh)'],
		direction: ['Chiều tốt'],
		kind: ['Loại chỉ tiêu'],
		source_table: ['Bảng dữ liệu nguồn'],
		definition_vi: ['Định nghĩa, cách tính', 'Định nghĩa', 'Cách tính'],
		definition_en: ['Định nghĩa tiếng Anh', 'Định nghĩa (tiếng Anh)']
	},
	units: {
		code: UNIT_CODE,
		vintage: UNIT_VINTAGE,
		level: ['Cấp đơn vị', 'Cấp'],
		name_vi: ['Tên đơn vị', 'Tên đơn vị hành chính'],
		name_en: ['Tên tiếng Anh', 'Tên không dấu'],
		parent_code: ['Mã đơn vị cấp trên'],
		valid_from: ['Hiệu lực từ ngày'],
		valid_to: ['Hiệu lực đến ngày'],
		successor_code: ['Mã tỉnh mới'],
		communes: ['Số đơn vị cấp xã', 'Số xã'],
		source: ['Nguồn']
	},
	targets: {
		indicator: ['Mã chỉ tiêu'],
		unit_code: UNIT_CODE,
		unit_vintage: UNIT_VINTAGE,
		plan: ['Kế hoạch', 'Giai đoạn'],
		basis: ['Căn cứ', 'Cấp giao'],
		baseline_year: ['Năm gốc'],
		baseline_value: ['Giá trị năm gốc'],
		target_year: ['Năm mục tiêu'],
		target_min: ['Mục tiêu', 'Mục tiêu (cận dưới)', 'Chỉ tiêu'],
		target_max: ['Mục tiêu cận trên', 'Cận trên'],
		document: ['Văn bản giao chỉ tiêu', 'Văn bản'],
		source_url: SOURCE_URL,
		provenance: PROVENANCE,
		note: NOTE
	},
	observations: {
		indicator: ['Mã chỉ tiêu'],
		unit_code: UNIT_CODE,
		unit_vintage: UNIT_VINTAGE,
		period: ['Kỳ', 'Kỳ báo cáo'],
		as_of: ['Số liệu đến ngày', 'Tính đến ngày'],
		value: ['Giá trị', 'Số liệu'],
		numerator: ['Tử số'],
		denominator: ['Mẫu số'],
		status: ['Tình trạng số liệu', 'Chính thức/ước'],
		source: ['Nguồn'],
		source_url: SOURCE_URL,
		provenance: PROVENANCE,
		note: NOTE
	},
	published_figures: {
		indicator: ['Mã chỉ tiêu'],
		unit_code: UNIT_CODE,
		unit_vintage: UNIT_VINTAGE,
		as_of: ['Ngày số liệu', 'Tính đến ngày'],
		value: ['Giá trị công bố', 'Giá trị'],
		source_title: ['Tên nguồn', 'Nguồn'],
		source_url: SOURCE_URL,
		note: NOTE
	},
	ocop_products: {
		certificate_id: ['Mã giấy chứng nhận', 'Mã GCN', 'Số GCN', 'Số giấy chứng nhận'],
		product_id: ['Mã sản phẩm'],
		product_name: ['Tên sản phẩm', 'Sản phẩm', 'Tên sản phẩm OCOP'],
		product_group: ['Nhóm sản phẩm', 'Bộ sản phẩm', 'Nhóm'],
		producer_id: ['Mã chủ thể'],
		producer_name: ['Tên chủ thể', 'Chủ thể', 'Chủ thể OCOP', 'Tên chủ thể sản xuất'],
		producer_type: ['Loại chủ thể', 'Loại hình chủ thể', 'Loại hình'],
		province_code: PROVINCE,
		district_code: DISTRICT,
		stars: ['Số sao', 'Hạng sao', 'Xếp hạng', 'Kết quả xếp hạng', 'Kết quả đánh giá', 'Hạng'],
		decision_no: ['Số quyết định', 'Số QĐ', 'Số quyết định công nhận', 'Quyết định số'],
		decision_date: ['Ngày quyết định', 'Ngày QĐ', 'Ngày quyết định công nhận', 'Ngày công nhận', 'Ngày ký quyết định'],
		revoked_date: ['Ngày thu hồi', 'Ngày thu hồi giấy chứng nhận'],
		provenance: PROVENANCE
	},
	startups: {
		project_id: ['Mã dự án'],
		project_name: ['Tên dự án', 'Tên dự án khởi nghiệp'],
		province_code: PROVINCE,
		district_code: DISTRICT,
		sector: ['Lĩnh vực'],
		support_org: ['Tổ chức hỗ trợ', 'Đơn vị hỗ trợ'],
		supported_date: ['Ngày được hỗ trợ', 'Ngày hỗ trợ'],
		incubated_at_centre: ['Ươm tạo tại Trung tâm ĐMST', 'Ươm tạo tại Trung tâm'],
		firm_founded_date: ['Ngày thành lập doanh nghiệp', 'Ngày thành lập DN'],
		capital_raised_date: ['Ngày gọi vốn thành công', 'Ngày gọi vốn'],
		capital_raised_bn: ['Vốn gọi được (tỷ đồng)', 'Vốn gọi được'],
		provenance: PROVENANCE
	},
	st_firms: {
		certificate_id: ['Số giấy chứng nhận', 'Số GCN', 'Mã giấy chứng nhận'],
		firm_id: ['Mã số doanh nghiệp', 'Mã số thuế', 'MST'],
		firm_name: ['Tên doanh nghiệp'],
		province_code: PROVINCE,
		district_code: DISTRICT,
		field: ['Lĩnh vực'],
		certificate_date: ['Ngày cấp', 'Ngày cấp giấy chứng nhận', 'Ngày cấp GCN'],
		revoked_date: ['Ngày thu hồi', 'Ngày hết hiệu lực'],
		provenance: PROVENANCE
	},
	budget: {
		province_code: PROVINCE,
		year: ['Năm'],
		quarter: ['Quý'],
		source: ['Nguồn vốn'],
		category: ['Loại chi', 'Nội dung chi'],
		allocated_bn: ['Dự toán (tỷ đồng)', 'Dự toán', 'Dự toán giao'],
		disbursed_bn: ['Giải ngân (tỷ đồng)', 'Giải ngân', 'Đã giải ngân', 'Thực hiện giải ngân'],
		provenance: PROVENANCE
	},
	st_tasks: {
		task_id: ['Mã nhiệm vụ'],
		title: ['Tên nhiệm vụ'],
		province_code: PROVINCE,
		level: ['Cấp quản lý'],
		field: ['Lĩnh vực'],
		start_date: ['Ngày bắt đầu'],
		planned_end_date: ['Ngày kết thúc theo hợp đồng', 'Ngày kết thúc'],
		accepted_date: ['Ngày nghiệm thu'],
		cancelled_date: ['Ngày dừng/hủy', 'Ngày hủy', 'Ngày dừng'],
		applied: ['Kết quả được ứng dụng', 'Được ứng dụng', 'Ứng dụng/chuyển giao'],
		budget_bn: ['Kinh phí (tỷ đồng)', 'Kinh phí'],
		provenance: PROVENANCE
	},
	ip_titles: {
		ip_id: ['Mã đơn/văn bằng', 'Số đơn', 'Số văn bằng'],
		province_code: PROVINCE,
		ip_type: ['Loại đối tượng', 'Loại'],
		name: ['Tên đối tượng'],
		owner: ['Chủ sở hữu', 'Chủ đơn'],
		filing_date: ['Ngày nộp đơn'],
		grant_date: ['Ngày cấp văn bằng', 'Ngày cấp'],
		provenance: PROVENANCE
	},
	datasets: {
		dataset: ['Tập dữ liệu'],
		provenance: PROVENANCE,
		as_of: ['Số liệu đến ngày'],
		description_vi: ['Mô tả nguồn gốc'],
		description_en: ['Mô tả nguồn gốc tiếng Anh', 'Mô tả nguồn gốc (tiếng Anh)'],
		access: ['Phạm vi công bố', 'Phạm vi truy cập']
	}
};

/** Headers of columns that only number the rows; dropped without a warning. */
export const ORDINAL_LABELS: readonly string[] = ['STT', 'TT', 'Số TT', 'Số thứ tự'];

/**
 * Vietnamese wording of coded values, per column name. Only the codes a column
 * allows are used, so "Quốc gia" can mean `country` for units and `national` for
 * S&T tasks.
 */
export const VALUE_LABELS: Record<string, Record<string, readonly string[]>> = {
	provenance: {
		published: ['Đã công bố', 'Công bố', 'Số liệu công bố', 'Chính thức'],
		calibrated: ['Sinh mẫu khớp số công bố', 'Hiệu chỉnh'],
		illustrative: ['Minh họa', 'Minh hoạ']
	},
	product_group: {
		food: ['Thực phẩm'],
		beverage: ['Đồ uống'],
		herbal: ['Thảo dược'],
		textile: ['Vải và may mặc', 'Vải, may mặc', 'Dệt may'],
		handicraft: ['Lưu niệm - nội thất - trang trí', 'Lưu niệm, nội thất, trang trí', 'Thủ công mỹ nghệ'],
		tourism: ['Dịch vụ du lịch cộng đồng và điểm du lịch', 'Dịch vụ du lịch cộng đồng', 'Du lịch cộng đồng', 'Dịch vụ du lịch']
	},
	producer_type: {
		cooperative: ['Hợp tác xã', 'HTX'],
		enterprise: ['Doanh nghiệp', 'DN', 'Công ty'],
		household: ['Hộ kinh doanh', 'Hộ sản xuất', 'Hộ gia đình', 'Hộ'],
		cooperative_group: ['Tổ hợp tác', 'THT']
	},
	source: {
		central: ['Ngân sách trung ương', 'Trung ương', 'NSTW'],
		provincial: ['Ngân sách địa phương', 'Địa phương', 'NSĐP'],
		non_state: ['Ngoài ngân sách nhà nước', 'Ngoài ngân sách', 'Xã hội hóa']
	},
	category: {
		recurrent: ['Chi thường xuyên', 'Thường xuyên'],
		investment: ['Chi đầu tư phát triển', 'Đầu tư phát triển', 'Đầu tư']
	},
	level: {
		national: ['Cấp quốc gia', 'Quốc gia', 'Nhà nước'],
		provincial: ['Cấp tỉnh', 'Tỉnh'],
		grassroots: ['Cấp cơ sở', 'Cơ sở'],
		country: ['Quốc gia', 'Cả nước'],
		province: ['Tỉnh'],
		district: ['Huyện']
	},
	status: {
		final: ['Chính thức'],
		estimated: ['Ước', 'Ước tính', 'Ước thực hiện']
	},
	basis: {
		provincial: ['Tỉnh giao', 'Tỉnh'],
		central: ['Trung ương giao', 'Trung ương']
	},
	ip_type: {
		certification_mark: ['Nhãn hiệu chứng nhận'],
		collective_mark: ['Nhãn hiệu tập thể'],
		geographical_indication: ['Chỉ dẫn địa lý'],
		patent: ['Sáng chế', 'Bằng độc quyền sáng chế'],
		utility_solution: ['Giải pháp hữu ích']
	},
	direction: {
		up: ['Tăng'],
		down: ['Giảm'],
		none: ['Không']
	}
};

/** Yes/no as written in Vietnamese sheets; "x" marks a ticked box. */
export const BOOLEAN_LABELS = {
	true: ['có', 'x', '✓', '✔', 'yes', 'y', 'đúng', 'đã'],
	false: ['không', 'no', 'n', 'sai', 'chưa']
} as const;

/** A unit written after the number: "4 sao", "4★". */
export const VALUE_SUFFIXES: Record<string, readonly string[]> = {
	stars: ['sao', '★', '*']
};

/** The header a template uses for `column` of `dataset`. */
export function templateLabel(dataset: string, column: string): string {
	return LABELS[dataset]?.[column]?.[0] ?? column;
}

type Key = (s: string) => string;
const KEYS: Key[] = [labelKey, bareKey, asciiKey];

/**
 * A function giving the contract column a header means, or null. Tries the exact
 * column name, then the labels: whole, without parentheses, without diacritics; at
 * each step a key claimed by two columns is ambiguous and matches nothing.
 */
export function columnMatcher(spec: DatasetSpec): (header: string) => string | null {
	const labels = LABELS[spec.name] ?? {};
	const tables = KEYS.map((key) => {
		const map = new Map<string, string | null>();
		for (const col of spec.columns) {
			for (const label of [col.name, ...(labels[col.name] ?? [])]) {
				const k = key(label);
				if (!k) continue;
				const seen = map.get(k);
				map.set(k, seen === undefined || seen === col.name ? col.name : null);
			}
		}
		return map;
	});
	const names = new Set(spec.columns.map((c) => c.name));
	return (header) => {
		const h = header.trim();
		if (names.has(h)) return h;
		for (let i = 0; i < KEYS.length; i++) {
			const found = tables[i].get(KEYS[i](h));
			if (found !== undefined) return found;
		}
		return null;
	};
}

/** Is this the header of a row-number column (STT)? */
export function isOrdinalLabel(header: string): boolean {
	const k = bareKey(header);
	return ORDINAL_LABELS.some((l) => bareKey(l) === k);
}

/**
 * For a column with allowed values: a function from a cell's text to the code it
 * stands for (the code itself, any case, or a Vietnamese label), or null.
 */
export function valueMatcher(col: ColumnSpec): ((text: string) => string | null) | null {
	if (!col.values) return null;
	const allowed = col.values;
	const exact = new Map<string, string>();
	const loose = new Map<string, string | null>();
	const add = (label: string, code: string) => {
		exact.set(labelKey(label), code);
		const k = asciiKey(label);
		const seen = loose.get(k);
		loose.set(k, seen === undefined || seen === code ? code : null);
	};
	for (const code of allowed) add(code, code);
	for (const [code, labels] of Object.entries(VALUE_LABELS[col.name] ?? {})) {
		if (!allowed.includes(code)) continue;
		for (const l of labels) add(l, code);
	}
	return (text) => exact.get(labelKey(text)) ?? loose.get(asciiKey(text)) ?? null;
}

/** Vietnamese labels of the allowed values of a column, for the templates' instructions. */
export function valueLabels(col: ColumnSpec): { code: string; labels: readonly string[] }[] {
	return (col.values ?? []).map((code) => ({ code, labels: VALUE_LABELS[col.name]?.[code] ?? [] }));
}
