/**
 * Empty templates for each dataset, headed with the same Vietnamese labels the
 * upload recognises (headers.ts), so a filled template loads without any mapping.
 * The XLSX has a second sheet, "Hướng dẫn", describing every column from schema.ts.
 */
import * as XLSX from '@e965/xlsx';
import type { ColumnSpec, ColumnType, DatasetSpec } from '../data/schema';
import { templateLabel, valueLabels } from './headers';

export const DATA_SHEET = 'Dữ liệu';
export const GUIDE_SHEET = 'Hướng dẫn';

const TYPE_LABELS: Record<ColumnType, [string, string]> = {
	text: ['Văn bản', 'Text'],
	integer: ['Số nguyên', 'Whole number'],
	number: ['Số', 'Number'],
	date: ['Ngày', 'Date'],
	boolean: ['Có/Không', 'Yes/No']
};

const REF_RULES: Record<NonNullable<ColumnSpec['ref']>, string> = {
	indicator: 'Phải có trong danh mục chỉ tiêu (indicators)',
	unit: 'Phải có trong danh mục đơn vị hành chính (units), đúng hệ đơn vị',
	province: 'Mã tỉnh còn hiệu lực tại ngày của bản ghi; được ghi tên tỉnh (Quảng Ninh), sẽ đổi thành mã',
	district: 'Mã huyện thuộc tỉnh, còn hiệu lực tại ngày của bản ghi (trước 1/7/2025)'
};

const EXAMPLES: Record<ColumnType, string> = {
	text: '',
	integer: '15.590 hoặc 15590',
	number: '1.250,75 hoặc 0,65',
	date: '11/5/2022 hoặc 2022-05-11',
	boolean: 'Có / Không'
};

function allowedText(col: ColumnSpec): string {
	const parts = valueLabels(col).map(({ code, labels }) => (labels.length ? `${code} (${labels[0]})` : code));
	return parts.join('; ');
}

function ruleText(col: ColumnSpec): string {
	const rules: string[] = [];
	if (col.pattern) rules.push(`Dạng ${col.pattern.source}`);
	if (col.min !== undefined) rules.push(`≥ ${col.min}`);
	if (col.max !== undefined) rules.push(`≤ ${col.max}`);
	if (col.ref) rules.push(REF_RULES[col.ref]);
	return rules.join('; ');
}

/** Rows of the "Hướng dẫn" sheet: one per column, after a short preface. */
export function guideRows(spec: DatasetSpec): (string | null)[][] {
	const key = spec.key.map((k) => templateLabel(spec.name, k)).join(' + ');
	return [
		[`${spec.title_vi} (${spec.name})`],
		[`Điền dữ liệu vào trang «${DATA_SHEET}», mỗi dòng một bản ghi, giữ nguyên dòng tiêu đề. Khóa (không được trùng): ${key}.`],
		['Ngày viết 11/5/2022 hoặc 2022-05-11; số viết 15.590 hoặc 1.250,75; dòng Tổng cộng ở cuối sẽ được bỏ qua. Tệp chỉ được đọc trong trình duyệt, không gửi đi đâu.'],
		[],
		['Cột', 'Mã cột', 'Mô tả', 'Description', 'Kiểu', 'Bắt buộc', 'Giá trị cho phép', 'Ràng buộc', 'Ví dụ cách ghi'],
		...spec.columns.map((c) => [
			templateLabel(spec.name, c.name),
			c.name,
			c.description_vi,
			c.description_en,
			TYPE_LABELS[c.type][0],
			c.required ? 'Có' : 'Không',
			allowedText(c) || null,
			ruleText(c) || null,
			c.values ? null : EXAMPLES[c.type] || null
		])
	];
}

export function templateXlsx(spec: DatasetSpec): Uint8Array {
	const labels = spec.columns.map((c) => templateLabel(spec.name, c.name));
	const data = XLSX.utils.aoa_to_sheet([labels]);
	data['!cols'] = labels.map((l) => ({ wch: Math.max(12, l.length + 2) }));
	// Keep the header in view while a long list is typed in.
	data['!freeze'] = { xSplit: 0, ySplit: 1 };
	const guide = XLSX.utils.aoa_to_sheet(guideRows(spec));
	guide['!cols'] = [26, 20, 50, 40, 12, 9, 50, 40, 22].map((wch) => ({ wch }));
	const wb = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(wb, data, DATA_SHEET);
	XLSX.utils.book_append_sheet(wb, guide, GUIDE_SHEET);
	wb.Props = { Title: `${spec.title_vi} — mẫu nhập liệu`, Author: 'Tiến độ' };
	return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** UTF-8 with a byte-order mark, so Excel shows the Vietnamese headers correctly. */
export function templateCsv(spec: DatasetSpec): Uint8Array {
	const labels = spec.columns.map((c) => templateLabel(spec.name, c.name));
	const line = labels.map((l) => (/[",\n]/.test(l) ? `"${l.replaceAll('"', '""')}"` : l)).join(',');
	return new TextEncoder().encode(`\uFEFF${line}\r\n`);
}

export const templateFileName = (spec: DatasetSpec, ext: 'xlsx' | 'csv') => `mau-${spec.name}.${ext}`;
