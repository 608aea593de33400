/** The label table (src/lib/upload/headers.ts) against the data contract. */
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../src/lib/data/schema';
import { LABELS, VALUE_LABELS, columnMatcher, isOrdinalLabel, templateLabel, valueMatcher } from '../../src/lib/upload/headers';
import { bareKey, labelKey } from '../../src/lib/upload/text';

describe('label table', () => {
	it('names every column of every dataset, and nothing else', () => {
		for (const spec of DATASETS) {
			expect(Object.keys(LABELS[spec.name] ?? {}).sort(), spec.name).toEqual(spec.columns.map((c) => c.name).sort());
		}
	});

	it('gives each column of a dataset its own template label, which maps back to it', () => {
		for (const spec of DATASETS) {
			const match = columnMatcher(spec);
			const labels = spec.columns.map((c) => templateLabel(spec.name, c.name));
			expect(new Set(labels.map(bareKey)).size, spec.name).toBe(labels.length);
			spec.columns.forEach((c, i) => expect(match(labels[i]), `${spec.name}.${c.name}`).toBe(c.name));
		}
	});

	it('matches headers as people write them', () => {
		const ocop = columnMatcher(DATASETS.find((d) => d.name === 'ocop_products')!);
		expect(ocop('Số sao')).toBe('stars');
		expect(ocop('SỐ SAO:')).toBe('stars');
		expect(ocop('  Số   sao (*) ')).toBe('stars');
		expect(ocop('So sao')).toBe('stars');
		expect(ocop('Ngày quyết định')).toBe('decision_date');
		expect(ocop('Ngày quyết định công nhận')).toBe('decision_date');
		expect(ocop('Số quyết định công nhận')).toBe('decision_no');
		expect(ocop('Tỉnh/thành phố')).toBe('province_code');
		expect(ocop('stars')).toBe('stars');
		expect(ocop('Doanh thu')).toBeNull();
		const budget = columnMatcher(DATASETS.find((d) => d.name === 'budget')!);
		expect(budget('Dự toán (tỷ đồng)')).toBe('allocated_bn');
		expect(budget('Dự toán (triệu đồng)')).toBe('allocated_bn');
		const indicators = columnMatcher(DATASETS.find((d) => d.name === 'indicators')!);
		// Whole labels win over labels stripped of their parentheses.
		expect(indicators('Tên chỉ tiêu (tiếng Anh)')).toBe('name_en');
		expect(indicators('Tên chỉ tiêu')).toBe('name_vi');
	});

	it('knows the row-number column', () => {
		expect(isOrdinalLabel('STT')).toBe(true);
		expect(isOrdinalLabel('Số TT')).toBe(true);
		expect(isOrdinalLabel('Số sao')).toBe(false);
	});

	it('has value labels only for codes the contract allows', () => {
		const allowed = new Map<string, Set<string>>();
		for (const spec of DATASETS) for (const c of spec.columns) if (c.values) allowed.set(c.name, new Set([...(allowed.get(c.name) ?? []), ...c.values]));
		for (const [column, codes] of Object.entries(VALUE_LABELS)) {
			for (const code of Object.keys(codes)) expect(allowed.get(column)?.has(code), `${column}.${code}`).toBe(true);
		}
	});

	it('reads a label as the code of the column it is in', () => {
		const level = (dataset: string) => valueMatcher(DATASETS.find((d) => d.name === dataset)!.columns.find((c) => c.name === 'level')!)!;
		expect(level('st_tasks')('Quốc gia')).toBe('national');
		expect(level('units')('Quốc gia')).toBe('country');
		expect(level('st_tasks')('Cấp tỉnh')).toBe('provincial');
		expect(labelKey('Khánh Hoà')).toBe(labelKey('Khánh Hòa'));
	});
});
