/**
 * Problems found while reading and checking data files, each with a message in
 * Vietnamese and English that names the file, the row as the user sees it (header =
 * row 1, first data row = row 2) and the column, so a department can fix the file
 * without asking anyone.
 */

export type Severity = 'error' | 'warning';

export interface Problem {
	file: string;
	/** Row as the user sees it in the file; null when the problem concerns the whole file. */
	row: number | null;
	column: string | null;
	value: string | null;
	code: ProblemCode;
	severity: Severity;
	message_vi: string;
	message_en: string;
}

/** Extra facts some messages need; kept out of Problem so its shape stays flat. */
export interface Details {
	detail?: string;
	allowed?: readonly string[];
	pattern?: string;
	bound?: number;
	firstRow?: number;
	date?: string;
	dateColumn?: string;
	vintage?: string;
	province?: string;
	count?: number;
	expected?: number;
	found?: number;
	delimiter?: string;
	files?: string[];
	format?: string;
}

type Text = (v: string, d: Details) => [vi: string, en: string];

// Values are quoted «…» in Vietnamese and “…” in English, as in print.
const q = (v: string): [string, string] => [`«${v}»`, `“${v}”`];

const TEXTS = {
	// File level
	missing_dataset: (_v, d) => [
		`thiếu tệp dữ liệu bắt buộc (${d.detail}.csv, .xlsx hoặc .parquet).`,
		`required data file is missing (${d.detail}.csv, .xlsx or .parquet).`
	],
	duplicate_format: (_v, d) => [
		`cùng một tập dữ liệu có nhiều tệp (${d.files!.join(', ')}); hãy giữ lại một tệp.`,
		`the same dataset comes in several files (${d.files!.join(', ')}); keep only one.`
	],
	empty_file: () => ['tệp rỗng, không có dòng tiêu đề.', 'the file is empty: there is no header row.'],
	not_utf8: (_v, d) => [
		`tệp không được mã hóa UTF-8${d.detail ? ` (có vẻ là ${d.detail})` : ''}. Hãy lưu lại tệp với bảng mã UTF-8 (trong Excel: «CSV UTF-8 (Comma delimited)»).`,
		`the file is not UTF-8 encoded${d.detail ? ` (it looks like ${d.detail})` : ''}. Save it again as UTF-8 (in Excel: “CSV UTF-8 (Comma delimited)”).`
	],
	wrong_delimiter: (_v, d) => [
		`các cột phải được phân cách bằng dấu phẩy (,) nhưng tệp này có vẻ dùng ${q(d.delimiter!)[0]}. Hãy xuất lại tệp dạng CSV phân cách bằng dấu phẩy.`,
		`columns must be separated by commas (,) but this file seems to use ${q(d.delimiter!)[1]}. Export it again as comma-separated CSV.`
	],
	csv_columns: (_v, d) => [
		`dòng có ${d.found} cột trong khi dòng tiêu đề có ${d.expected} cột (kiểm tra dấu phẩy trong giá trị: giá trị có dấu phẩy phải đặt trong ngoặc kép).`,
		`the row has ${d.found} columns but the header has ${d.expected} (a value containing a comma must be in double quotes).`
	],
	csv_unreadable: (_v, d) => [
		`không đọc được tệp CSV: ${d.detail}`,
		`the CSV file cannot be read: ${d.detail}`
	],
	unreadable: (_v, d) => [
		`không đọc được tệp ${d.format}: ${d.detail}`,
		`the ${d.format} file cannot be read: ${d.detail}`
	],
	too_large: (_v, d) => [
		`tệp quá lớn (${mb(d.found!)} MB; tối đa ${mb(d.bound!)} MB). Hãy tách tệp hoặc bỏ các cột, trang không cần thiết.`,
		`the file is too large (${mb(d.found!)} MB; at most ${mb(d.bound!)} MB). Split it, or remove columns and sheets that are not needed.`
	],
	too_large_for_build: (_v, d) => [
		`tệp quá lớn cho bản dựng dữ liệu (${mb(d.found!)} MB; tối đa ${mb(d.bound!)} MB). Hãy tách tệp, hoặc nâng giới hạn bằng tùy chọn --max-file-mb nếu máy dựng đủ bộ nhớ.`,
		`the file is too large for the data build (${mb(d.found!)} MB; at most ${mb(d.bound!)} MB). Split it, or raise the bound with the --max-file-mb option if the build machine has the memory.`
	],
	unzipped_too_large: (_v, d) => [
		`tệp ${d.format ?? 'Excel'} giải nén ra hơn ${mb(d.found!)} MB (tối đa ${mb(d.bound!)} MB): có thể là tệp «bom zip» hoặc bảng tính quá lớn; tệp không được mở.`,
		`the ${d.format ?? 'Excel'} file would decompress to more than ${mb(d.found!)} MB (at most ${mb(d.bound!)} MB): a “zip bomb” or an oversized file; it was not opened.`
	],
	not_xlsx: (_v, d) => [
		`tệp không phải là sổ tính Excel .xlsx${d.detail === 'text' ? ' mà là tệp văn bản: nếu đây là CSV, hãy đổi đuôi tệp thành .csv' : d.detail === 'empty' ? ' (tệp rỗng)' : ' (nội dung không có cấu trúc của tệp .xlsx)'}.`,
		`the file is not an Excel .xlsx workbook${d.detail === 'text' ? ' but a text file: if it is a CSV, rename it to .csv' : d.detail === 'empty' ? ' (the file is empty)' : ' (its content does not have the structure of an .xlsx file)'}.`
	],
	damaged_xlsx: (_v, d) => [
		`tệp Excel bị hỏng hoặc bị cắt cụt (${d.detail}). Hãy mở tệp gốc bằng Excel và lưu lại, rồi tải lên lần nữa.`,
		`the Excel file is damaged or cut short (${d.detail}). Open the original in Excel, save it again and upload it again.`
	],
	damaged_parquet: (_v, d) => [
		`tệp Parquet bị hỏng hoặc bị cắt cụt (${d.detail}). Hãy xuất lại tệp từ chương trình gốc.`,
		`the Parquet file is damaged or cut short (${d.detail}). Export it again from the program that made it.`
	],
	too_many_columns: (_v, d) => [
		`tệp có ${d.found} cột, nhiều hơn mức tối đa ${d.bound} cột.`,
		`the file has ${d.found} columns, more than the maximum of ${d.bound}.`
	],
	nul_bytes: () => [
		'tệp chứa ký tự NUL (byte 0) từ dòng này: đây không phải tệp văn bản CSV (có thể là tệp nhị phân, hoặc tệp UTF-16 bị đổi đuôi).',
		'the file contains NUL characters (byte 0) from this row: it is not a CSV text file (a binary file, or UTF-16 text renamed).'
	],
	unclosed_quote: () => [
		'dấu ngoặc kép (") mở ở dòng này không bao giờ được đóng, nên phần còn lại của tệp sẽ thành một giá trị. Hãy đóng ngoặc kép hoặc bỏ nó đi.',
		'the double quote (") opened on this row is never closed, so the rest of the file would become one value. Close the quote or remove it.'
	],
	no_rows: () => [
		'tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào; tập dữ liệu rỗng không được dùng thay cho dữ liệu hiện có.',
		'the file has a header row but no data rows; an empty dataset does not replace the current data.'
	],
	unsupported_format: (_v, d) => [
		`định dạng tệp ${q(d.format!)[0]} không được hỗ trợ (chỉ nhận .csv, .xlsx, .parquet).`,
		`file format ${q(d.format!)[1]} is not supported (only .csv, .xlsx, .parquet).`
	],
	// Header
	missing_column: () => [
		'dòng tiêu đề thiếu cột bắt buộc này.',
		'this required column is missing from the header row.'
	],
	unknown_column: () => [
		'cột này không có trong mô tả dữ liệu và sẽ bị bỏ qua.',
		'this column is not part of the data contract and will be ignored.'
	],
	duplicate_column: () => [
		'tên cột này xuất hiện nhiều lần trong dòng tiêu đề.',
		'this column name appears more than once in the header row.'
	],
	// Cells
	required: () => ['thiếu giá trị (cột bắt buộc).', 'a value is required.'],
	not_integer: (v) => [`${q(v)[0]} không phải là số nguyên.`, `${q(v)[1]} is not a whole number.`],
	not_number: (v) => {
		const hint: [string, string] = /\d[.,]\d/.test(v)
			? [
					' Dùng dấu chấm (.) cho phần thập phân và không dùng dấu phân cách hàng nghìn, ví dụ 15590 hoặc 0.65.',
					' Use a dot (.) as the decimal separator and no thousands separator, e.g. 15590 or 0.65.'
				]
			: ['', ''];
		return [`${q(v)[0]} không phải là số.${hint[0]}`, `${q(v)[1]} is not a number.${hint[1]}`];
	},
	not_date: (v) => [
		`${q(v)[0]} không phải là ngày hợp lệ (cần dạng YYYY-MM-DD, ví dụ 2022-05-11).`,
		`${q(v)[1]} is not a valid date (use YYYY-MM-DD, e.g. 2022-05-11).`
	],
	not_boolean: (v) => [
		`${q(v)[0]} không phải là giá trị đúng/sai (true hoặc false).`,
		`${q(v)[1]} is not a yes/no value (true or false).`
	],
	not_allowed: (v, d) => [
		`${q(v)[0]} không thuộc các giá trị cho phép: ${d.allowed!.join(', ')}.`,
		`${q(v)[1]} is not one of the allowed values: ${d.allowed!.join(', ')}.`
	],
	bad_pattern: (v, d) => {
		// Excel turns "01" into 1; say so, since that is nearly always the cause.
		const zeros: [string, string] = /^\d+$/.test(v) && /\\d\{\d/.test(d.pattern ?? '')
			? [
					' Nếu tệp đã qua Excel, số 0 ở đầu có thể đã bị mất: hãy định dạng cột này là Văn bản (Text).',
					' If the file went through Excel, leading zeros may have been dropped: format this column as Text.'
				]
			: ['', ''];
		return [
			`${q(v)[0]} không đúng định dạng (mẫu ${d.pattern}).${zeros[0]}`,
			`${q(v)[1]} does not have the expected format (pattern ${d.pattern}).${zeros[1]}`
		];
	},
	below_min: (v, d) => [
		`${q(v)[0]} nhỏ hơn giá trị nhỏ nhất cho phép (${d.bound}).`,
		`${q(v)[1]} is below the smallest allowed value (${d.bound}).`
	],
	above_max: (v, d) => [
		`${q(v)[0]} lớn hơn giá trị lớn nhất cho phép (${d.bound}).`,
		`${q(v)[1]} is above the largest allowed value (${d.bound}).`
	],
	cell_too_long: (_v, d) => [
		`giá trị dài ${d.found} ký tự, vượt giới hạn ${d.bound} ký tự của một ô (giới hạn của Excel).`,
		`the value is ${d.found} characters long, over the limit of ${d.bound} characters per cell (Excel's own limit).`
	],
	implausible_number: (v, d) => [
		`${q(v)[0]} lớn bất thường (trị tuyệt đối vượt ${d.bound}); hãy kiểm tra đơn vị tính và dấu thập phân.`,
		`${q(v)[1]} is implausibly large (absolute value over ${d.bound}); check the unit of measure and the decimal mark.`
	],
	implausible_date: (v, d) => [
		`${q(v)[0]} không phải là ngày hợp lý (ngoài khoảng ${viDate(d.date!)} – ${viDate(d.detail!)}).`,
		`${q(v)[1]} is not a plausible date (outside ${d.date} – ${d.detail}).`
	],
	future_date: (v, d) => [
		`ngày ${q(v)[0]} muộn hơn cả ngày chốt số liệu lẫn ngày hôm nay (${viDate(d.date!)}); bản ghi chưa thể xảy ra.`,
		`the date ${q(v)[1]} is later than both the data's as-of date and today (${d.date}); the record cannot have happened yet.`
	],
	// Warnings on text cells: kept as written, but worth a look.
	mojibake: (v) => [
		`${q(v)[0]} có vẻ bị lỗi bảng mã (chữ như «Ã¡», «áº» thay cho chữ có dấu): tệp đã bị đọc sai bảng mã trước khi lưu lại.`,
		`${q(v)[1]} looks garbled by a wrong encoding (“Ã¡”, “áº” in place of accented letters): the file was read with the wrong code page before it was saved.`
	],
	formula_text: (v) => [
		`${q(v)[0]} bắt đầu như một công thức bảng tính (=, +, -, @); được giữ nguyên dưới dạng văn bản và không bao giờ được tính.`,
		`${q(v)[1]} starts like a spreadsheet formula (=, +, -, @); it is kept as plain text and never evaluated.`
	],
	duplicate_key: (v, d) => [
		`trùng khóa ${q(v)[0]} với dòng ${d.firstRow}; mỗi khóa chỉ được xuất hiện một lần.`,
		`duplicate key ${q(v)[1]}, already on row ${d.firstRow}; each key may appear only once.`
	],
	// Cross-dataset references
	unknown_indicator: (v) => [
		`mã chỉ tiêu ${q(v)[0]} không có trong danh mục chỉ tiêu (indicators).`,
		`indicator code ${q(v)[1]} is not in the indicator catalogue (indicators).`
	],
	unknown_unit: (v, d) => [
		`đơn vị ${q(v)[0]} thuộc hệ ${d.vintage} không có trong danh mục đơn vị hành chính (units).`,
		`unit ${q(v)[1]} of vintage ${d.vintage} is not in the list of administrative units (units).`
	],
	unknown_province: (v) => [
		`mã tỉnh ${q(v)[0]} không có trong danh mục đơn vị hành chính (units).`,
		`province code ${q(v)[1]} is not in the list of administrative units (units).`
	],
	province_not_valid: (v, d) => [
		`tỉnh ${q(v)[0]} không có hiệu lực vào ngày ${viDate(d.date!)} (theo cột ${d.dateColumn}); hãy dùng mã tỉnh còn hiệu lực tại ngày đó.`,
		`province ${q(v)[1]} is not in force on ${d.date} (from column ${d.dateColumn}); use the code of the province valid on that date.`
	],
	unknown_district: (v) => [
		`mã huyện ${q(v)[0]} không có trong danh mục đơn vị hành chính (units).`,
		`district code ${q(v)[1]} is not in the list of administrative units (units).`
	],
	district_not_in_province: (v, d) => [
		`huyện ${q(v)[0]} không thuộc tỉnh ${q(d.province!)[0]}.`,
		`district ${q(v)[1]} does not belong to province ${q(d.province!)[1]}.`
	],
	district_not_valid: (v, d) => [
		`huyện ${q(v)[0]} không có hiệu lực vào ngày ${viDate(d.date!)} (theo cột ${d.dateColumn}); cấp huyện đã bỏ từ 1/7/2025.`,
		`district ${q(v)[1]} is not in force on ${d.date} (from column ${d.dateColumn}); districts were abolished on 2025-07-01.`
	],
	truncated: (_v, d) => [
		`còn ${d.count} lỗi khác trong tệp này không được liệt kê (chỉ hiện ${d.expected} lỗi đầu tiên).`,
		`${d.count} more problems in this file are not listed (only the first ${d.expected} are shown).`
	]
} satisfies Record<string, Text>;

export type ProblemCode = keyof typeof TEXTS;

// `truncated` is a note about the list, not a fault of its own.
const WARNINGS: ReadonlySet<ProblemCode> = new Set(['unknown_column', 'truncated', 'mojibake', 'formula_text']);

export interface ProblemAt {
	file: string;
	row?: number | null;
	column?: string | null;
	value?: string | null;
}

export function problem(code: ProblemCode, at: ProblemAt, details: Details = {}): Problem {
	const row = at.row ?? null;
	const column = at.column ?? null;
	const value = shortValue(at.value ?? null);
	const [vi, en] = (TEXTS[code] as Text)(value ?? '', details);
	const whereVi = [`Tệp ${at.file}`, row != null && `dòng ${row}`, column != null && `cột ${column}`];
	const whereEn = [`File ${at.file}`, row != null && `row ${row}`, column != null && `column ${column}`];
	return {
		file: at.file,
		row,
		column,
		value,
		code,
		severity: WARNINGS.has(code) ? 'warning' : 'error',
		message_vi: `${whereVi.filter(Boolean).join(', ')}: ${vi}`,
		message_en: `${whereEn.filter(Boolean).join(', ')}: ${en}`
	};
}

export const MAX_PROBLEMS_PER_FILE = 50;

/**
 * Keep the first problems of each file in row order and say how many were left out:
 * past a few dozen the same mistake repeats, and a longer list only hides the others.
 * `omitted` counts problems that checks already stopped collecting at the limit.
 */
export function limitPerFile(
	problems: Problem[],
	omitted: ReadonlyMap<string, number> = new Map(),
	max = MAX_PROBLEMS_PER_FILE
): Problem[] {
	const byFile = new Map<string, Problem[]>();
	for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
	for (const file of omitted.keys()) if (!byFile.has(file)) byFile.set(file, []);
	const out: Problem[] = [];
	for (const [file, list] of byFile) {
		// Stable sort: whole-file problems (no row) first, then by row.
		const sorted = [...list].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
		out.push(...sorted.slice(0, max));
		const more = Math.max(0, sorted.length - max) + (omitted.get(file) ?? 0);
		if (more > 0) out.push(problem('truncated', { file }, { count: more, expected: max }));
	}
	return out;
}

export const hasErrors = (problems: Problem[]) => problems.some((p) => p.severity === 'error');

const mb = (bytes: number) => String(Math.round((bytes / (1024 * 1024)) * 10) / 10);

/** Long values (a 1 MB cell) are cut in messages; the row and column say where the rest is. */
export const MAX_VALUE_IN_MESSAGE = 120;
export function shortValue(v: string | null): string | null {
	if (v === null || v.length <= MAX_VALUE_IN_MESSAGE) return v;
	return `${v.slice(0, MAX_VALUE_IN_MESSAGE)}… (${v.length})`;
}

/** 2025-08-01 → 1/8/2025, the way dates are written in Vietnamese text. */
function viDate(iso: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	return m ? `${Number(m[3])}/${Number(m[2])}/${m[1]}` : iso;
}
