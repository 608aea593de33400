/**
 * What was done to a sheet before validation, each step said in Vietnamese and in
 * English ("đã bỏ dòng Tổng cộng (dòng 58)"), so an analyst can see that nothing
 * was changed behind their back. A note of severity `error` is a value the
 * normaliser refused to guess; it blocks the upload like a validation problem.
 */
import type { ChangeKind } from './values';

export type NoteCode =
	| 'encoding'
	| 'delimiter'
	| 'header'
	| 'column_numbers'
	| 'merged_cells'
	| 'ordinal_column'
	| 'ignored_column'
	| 'unmatched_column'
	| 'blank_rows'
	| 'total_row'
	| 'footer_rows'
	| 'constant'
	| 'composed'
	| Exclude<ChangeKind, 'ambiguous_number'>
	| 'ambiguous_number'
	| 'ragged_row';

export interface Note {
	code: NoteCode;
	severity: 'info' | 'error';
	/** Contract column (or new table column) concerned, if any. */
	column: string | null;
	/** The header as written in the file. */
	label: string | null;
	/** Rows as the user sees them. */
	rows: number[];
	count: number;
	/** An example: the value as written, and as read. */
	from: string | null;
	to: string | null;
	message_vi: string;
	message_en: string;
}

export interface NoteInput {
	column?: string | null;
	label?: string | null;
	rows?: number[];
	count?: number;
	from?: string | null;
	to?: string | null;
}

const ENCODINGS: Record<string, [string, string]> = {
	'utf-8': ['UTF-8', 'UTF-8'],
	'utf-8-bom': ['UTF-8 (có BOM)', 'UTF-8 (with BOM)'],
	'utf-16le': ['UTF-16 (Unicode Text của Excel)', 'UTF-16 (Excel “Unicode Text”)'],
	'utf-16be': ['UTF-16 big-endian', 'UTF-16 big-endian'],
	'utf-16le-nobom': ['UTF-16 (không có BOM, nhận ra từ nội dung)', 'UTF-16 (no byte-order mark, recognised from the content)'],
	'utf-16be-nobom': ['UTF-16 big-endian (không có BOM, nhận ra từ nội dung)', 'UTF-16 big-endian (no byte-order mark, recognised from the content)'],
	'windows-1258': ['Windows-1258 (bảng mã tiếng Việt của Windows), đã chuyển sang Unicode', 'Windows-1258 (Vietnamese Windows code page), converted to Unicode']
};

const DELIMITER_NAMES: Record<string, [string, string]> = {
	',': ['dấu phẩy (,)', 'comma (,)'],
	';': ['dấu chấm phẩy (;)', 'semicolon (;)'],
	'\t': ['ký tự Tab', 'tab'],
	'|': ['dấu gạch đứng (|)', 'vertical bar (|)']
};

/** 3, 4, 5, 9 → "3–5, 9"; long lists end with "…". */
export function rowList(rows: number[], max = 8): string {
	const sorted = [...new Set(rows)].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let i = 0; i < sorted.length; ) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
		parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
		i = j + 1;
	}
	return parts.length > max ? `${parts.slice(0, max).join(', ')}, …` : parts.join(', ');
}

type Text = (n: Required<NoteInput>, detail: string) => [string, string];

const col = (n: Required<NoteInput>): [string, string] => {
	const name = n.label && n.column && n.label !== n.column ? `«${n.label}» (${n.column})` : `«${n.label ?? n.column}»`;
	const nameEn = n.label && n.column && n.label !== n.column ? `“${n.label}” (${n.column})` : `“${n.label ?? n.column}”`;
	return [`cột ${name}`, `column ${nameEn}`];
};
const rowsOf = (n: Required<NoteInput>): [string, string] =>
	n.rows.length ? [` (dòng ${rowList(n.rows)})`, ` (row${n.rows.length > 1 ? 's' : ''} ${rowList(n.rows)})`] : ['', ''];
const cells = (n: Required<NoteInput>): [string, string] => [`${n.count} ô`, `${n.count} cell${n.count === 1 ? '' : 's'}`];
const example = (n: Required<NoteInput>): [string, string] =>
	n.from !== null ? [`, ví dụ «${n.from}» → ${n.to}`, `, e.g. “${n.from}” → ${n.to}`] : ['', ''];

function change(vi: string, en: string): Text {
	return (n) => {
		const [c, cEn] = col(n);
		const [k, kEn] = cells(n);
		const [x, xEn] = example(n);
		return [`${cap(c)}: ${vi} ở ${k}${x}.`, `${cap(cEn)}: ${en} in ${kEn}${xEn}.`];
	};
}

const TEXTS: Record<NoteCode, Text> = {
	encoding: (_n, d) => [`Bảng mã của tệp: ${ENCODINGS[d]?.[0] ?? d}.`, `File encoding: ${ENCODINGS[d]?.[1] ?? d}.`],
	delimiter: (_n, d) => [
		`Các cột được phân cách bằng ${DELIMITER_NAMES[d]?.[0] ?? d}.`,
		`Columns are separated by ${DELIMITER_NAMES[d]?.[1] ?? d}.`
	],
	header: (n, d) => {
		const above = Number(d);
		const where = rowList(n.rows);
		return [
			`Dòng tiêu đề của bảng: dòng ${where}${above > 0 ? `; đã bỏ ${above} dòng phía trên (tên báo cáo, đơn vị, ngày lập)` : ''}.`,
			`Table header: row${n.rows.length > 1 ? 's' : ''} ${where}${above > 0 ? `; ${above} row${above > 1 ? 's' : ''} above it (report title, issuer, date) skipped` : ''}.`
		];
	},
	column_numbers: (n) => [
		`Đã bỏ dòng đánh số cột${rowsOf(n)[0]}.`,
		`Row of column numbers skipped${rowsOf(n)[1]}.`
	],
	merged_cells: (n, d) => [
		`Đã điền giá trị của ô gộp vào ${n.count} ô (${d}).`,
		`Merged cells: the value was filled into ${n.count} cell${n.count === 1 ? '' : 's'} (${d}).`
	],
	ordinal_column: (n) => [`Đã bỏ ${col(n)[0]} (số thứ tự).`, `${cap(col(n)[1])} (row numbers) ignored.`],
	ignored_column: (n) => [`Đã bỏ ${col(n)[0]} theo lựa chọn.`, `${cap(col(n)[1])} ignored as chosen.`],
	unmatched_column: (n) => [
		`${cap(col(n)[0])} không khớp cột nào của tập dữ liệu nên bị bỏ qua (có thể chọn cột cho nó ở bảng ghép cột).`,
		`${cap(col(n)[1])} matches no column of the dataset and is ignored (you can assign it in the column mapping).`
	],
	blank_rows: (n) => [
		`Đã bỏ ${n.count} dòng trống${rowsOf(n)[0]}.`,
		`${n.count} blank row${n.count === 1 ? '' : 's'} dropped${rowsOf(n)[1]}.`
	],
	total_row: (n) => [
		`Đã bỏ dòng ${n.from ?? 'Tổng cộng'}${rowsOf(n)[0]}: dòng tổng không phải là một bản ghi.`,
		`Total row “${n.from ?? 'Tổng cộng'}” dropped${rowsOf(n)[1]}: a total is not a record.`
	],
	footer_rows: (n) => [
		`Đã bỏ ${n.count} dòng ghi chú, chữ ký sau dòng tổng${rowsOf(n)[0]}.`,
		`${n.count} row${n.count === 1 ? '' : 's'} of notes and signatures after the total dropped${rowsOf(n)[1]}.`
	],
	constant: (n) => [
		`${cap(col(n)[0])} không có trong tệp: điền «${n.to}» cho mọi dòng.`,
		`${cap(col(n)[1])} is not in the file: “${n.to}” filled in for every row.`
	],
	composed: change('chuẩn hóa dấu tiếng Việt (Unicode dựng sẵn)', 'Vietnamese accents normalised (precomposed Unicode)'),
	thousands: change('bỏ dấu phân cách hàng nghìn', 'thousands separators removed'),
	decimal_comma: change('đổi dấu phẩy thập phân thành dấu chấm', 'decimal commas read as decimal points'),
	date_dmy: change('đọc ngày theo thứ tự ngày/tháng/năm', 'dates read as day/month/year'),
	date_words: change('đọc ngày viết bằng chữ', 'dates written in words read'),
	date_serial: change('đổi số ngày của Excel thành ngày', 'Excel serial day numbers read as dates'),
	date_time: change('bỏ phần giờ', 'time of day dropped'),
	value_label: change('đổi nhãn tiếng Việt thành mã', 'Vietnamese labels turned into codes'),
	province_name: change('đổi tên tỉnh thành mã tỉnh', 'province names turned into province codes'),
	code_padded: change('thêm số 0 ở đầu mã (Excel đã làm mất)', 'leading zeros restored (lost in Excel)'),
	boolean_label: change('đổi Có/Không thành true/false', 'yes/no words read as true/false'),
	suffix: change('bỏ đơn vị viết sau số', 'unit word after the number removed'),
	ragged_row: (n, d) => [
		`Dòng có số cột khác dòng tiêu đề (${d} cột)${rowsOf(n)[0]}: giá trị có dấu phẩy phải đặt trong ngoặc kép, nếu không các cột sau đó bị lệch. Hãy sửa tệp rồi tải lên lại.`,
		`Row${n.rows.length > 1 ? 's' : ''} with a different number of columns than the header (${d})${rowsOf(n)[1]}: a value containing the separator must be in double quotes, otherwise the columns after it shift. Fix the file and upload it again.`
	],
	ambiguous_number: (n) => {
		const [c, cEn] = col(n);
		return [
			`${cap(c)} viết số theo cả hai kiểu (dấu chấm và dấu phẩy thập phân), nên «${n.from}» có thể hiểu hai cách${rowsOf(n)[0]}. Hãy viết lại theo một kiểu, ví dụ 15590 hoặc 0,65.`,
			`${cap(cEn)} mixes number styles (decimal point and decimal comma), so “${n.from}” reads two ways${rowsOf(n)[1]}. Write it one way, e.g. 15590 or 0.65.`
		];
	}
};

function cap(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

export function note(code: NoteCode, input: NoteInput = {}, detail = ''): Note {
	const n: Required<NoteInput> = {
		column: input.column ?? null,
		label: input.label ?? null,
		rows: input.rows ?? [],
		count: input.count ?? input.rows?.length ?? 0,
		from: input.from ?? null,
		to: input.to ?? null
	};
	const [vi, en] = TEXTS[code](n, detail);
	return { code, severity: code === 'ambiguous_number' || code === 'ragged_row' ? 'error' : 'info', ...n, message_vi: vi, message_en: en };
}
