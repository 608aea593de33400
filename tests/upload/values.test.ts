/**
 * Reading single cells the Vietnamese way, per column type (src/lib/upload/values.ts
 * and normaliseColumn). Expected values are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import {
	numberStyle,
	padCode,
	provinceLookup,
	provinceKey,
	readBoolean,
	readDate,
	readNumber,
	readSerial,
	serialToIso,
	stripSuffix
} from '../../src/lib/upload/values';
import { normaliseColumn } from '../../src/lib/upload/normalise';
import { BOOLEAN_LABELS } from '../../src/lib/upload/headers';
import { modernTone } from '../../src/lib/upload/text';
import type { ColumnSpec } from '../../src/lib/data/schema';

const col = (name: string, type: ColumnSpec['type'], extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
	name,
	type,
	required: false,
	description_vi: name,
	description_en: name,
	...extra
});

describe('numbers', () => {
	it('decides the style of a column from the values that read one way only', () => {
		expect(numberStyle(['15.590', '0,65'])).toBe('vi');
		expect(numberStyle(['1.234.567'])).toBe('vi');
		expect(numberStyle(['1.250,75'])).toBe('vi');
		expect(numberStyle(['0.65', '12'])).toBe('en');
		expect(numberStyle(['1,234,567'])).toBe('en');
		// "15.590" alone reads two ways: Vietnamese files mean fifteen thousand.
		expect(numberStyle(['15.590'])).toBe('vi');
		expect(numberStyle(['0,65', '0.65'])).toBe('mixed');
	});

	it('reads Vietnamese numbers', () => {
		expect(readNumber('15.590', 'vi', false)).toEqual({ text: '15590', change: 'thousands' });
		expect(readNumber('1.250.300', 'vi', false)).toEqual({ text: '1250300', change: 'thousands' });
		expect(readNumber('0,65', 'vi', false)).toEqual({ text: '0.65', change: 'decimal_comma' });
		expect(readNumber('3,275', 'vi', false)).toEqual({ text: '3.275', change: 'decimal_comma' });
		expect(readNumber('1.250,75', 'vi', false)).toEqual({ text: '1250.75', change: 'thousands' });
		expect(readNumber('-2,5', 'vi', false)).toEqual({ text: '-2.5', change: 'decimal_comma' });
		expect(readNumber('15 590', 'vi', false)).toEqual({ text: '15590', change: 'thousands' });
		expect(readNumber('15\u00a0590,5', 'vi', false)).toEqual({ text: '15590.5', change: 'decimal_comma' });
		expect(readNumber('42', 'vi', false)).toEqual({ text: '42', change: null });
	});

	it('reads English numbers in an English column', () => {
		expect(readNumber('15,590', 'en', false)).toEqual({ text: '15590', change: 'thousands' });
		expect(readNumber('1,250.75', 'en', false)).toEqual({ text: '1250.75', change: 'thousands' });
		expect(readNumber('0.65', 'en', false)).toEqual({ text: '0.65', change: null });
	});

	it('in a whole-number column a separator can only group thousands', () => {
		expect(readNumber('15.590', 'vi', true)).toEqual({ text: '15590', change: 'thousands' });
		expect(readNumber('15,590', 'vi', true)).toEqual({ text: '15590', change: 'thousands' });
		expect(readNumber('3,5', 'vi', true)).toEqual({ text: '3,5', change: null });
	});

	it('leaves what it cannot read, and refuses to guess in a mixed column', () => {
		expect(readNumber('mười', 'vi', false)).toEqual({ text: 'mười', change: null });
		expect(readNumber('15.590', 'mixed', false)).toEqual({ text: '15.590', change: 'ambiguous_number' });
		expect(readNumber('0,65', 'mixed', false)).toEqual({ text: '0.65', change: 'decimal_comma' });
		expect(readNumber('0.65', 'mixed', false)).toEqual({ text: '0.65', change: null });
	});

	it('drops a unit word after the number', () => {
		expect(stripSuffix('4 sao', ['sao', '★'])).toEqual({ text: '4', change: 'suffix' });
		expect(stripSuffix('5★', ['sao', '★'])).toEqual({ text: '5', change: 'suffix' });
		expect(stripSuffix('bốn sao', ['sao'])).toEqual({ text: 'bốn sao', change: null });
	});
});

describe('dates', () => {
	it('reads day/month/year', () => {
		expect(readDate('11/5/2022')).toEqual({ text: '2022-05-11', change: 'date_dmy' });
		expect(readDate('01/12/2025')).toEqual({ text: '2025-12-01', change: 'date_dmy' });
		expect(readDate('11-5-2022')).toEqual({ text: '2022-05-11', change: 'date_dmy' });
		expect(readDate('11.5.2022')).toEqual({ text: '2022-05-11', change: 'date_dmy' });
		expect(readDate('ngày 11 tháng 5 năm 2022')).toEqual({ text: '2022-05-11', change: 'date_words' });
		expect(readDate('2022-05-11')).toEqual({ text: '2022-05-11', change: null });
		expect(readDate('2022-05-11 00:00:00')).toEqual({ text: '2022-05-11', change: 'date_time' });
	});

	it('does not invent days or centuries', () => {
		expect(readDate('31/2/2024').change).toBeNull();
		expect(readDate('13/13/2024').change).toBeNull();
		expect(readDate('11/5/22').change).toBeNull();
	});

	it('reads Excel serial days in date columns only', () => {
		// 44692 days after 30/12/1899 is 11/5/2022 (Excel shows the same).
		expect(serialToIso(44692)).toBe('2022-05-11');
		expect(serialToIso(45658)).toBe('2025-01-01');
		expect(serialToIso(43101, true)).toBe('2022-01-02');
		expect(readSerial(44692)).toEqual({ text: '2022-05-11', change: 'date_serial' });
		expect(readDate('44692')).toEqual({ text: '2022-05-11', change: 'date_serial' });
		expect(readSerial(2024).change).toBeNull();

		const number = normaliseColumn(col('allocated_bn', 'number'), [44692, '44692'], [2, 3]);
		expect(number.values).toEqual(['44692', '44692']);
		const date = normaliseColumn(col('decision_date', 'date'), [44692, '11/5/2022', { date: '2022-05-11' }], [2, 3, 4]);
		expect(date.values).toEqual(['2022-05-11', '2022-05-11', '2022-05-11']);
		expect(date.changes.get('date_serial')?.rows).toEqual([2]);
		expect(date.changes.get('date_dmy')?.rows).toEqual([3]);
	});
});

describe('other cells', () => {
	it('reads yes/no', () => {
		expect(readBoolean('Có', BOOLEAN_LABELS)).toEqual({ text: 'true', change: 'boolean_label' });
		expect(readBoolean('không', BOOLEAN_LABELS)).toEqual({ text: 'false', change: 'boolean_label' });
		expect(readBoolean('x', BOOLEAN_LABELS)).toEqual({ text: 'true', change: 'boolean_label' });
		expect(readBoolean('true', BOOLEAN_LABELS)).toEqual({ text: 'true', change: null });
		expect(readBoolean('có lẽ', BOOLEAN_LABELS).change).toBeNull();
	});

	it('puts back leading zeros Excel dropped, only where the pattern wants them', () => {
		expect(padCode('1', /^\d{2}$/)).toEqual({ text: '01', change: 'code_padded' });
		expect(padCode('22', /^\d{2}$/)).toEqual({ text: '22', change: null });
		expect(padCode('5', /^\d{3}$/)).toEqual({ text: '005', change: 'code_padded' });
		expect(padCode('123', /^\d{2}$/).change).toBeNull();
		expect(padCode('5', undefined).change).toBeNull();
	});

	it('turns province names into codes, whatever the tone placement', () => {
		const map = provinceLookup([
			{ code: '22', name_vi: 'Quảng Ninh', name_en: 'Quang Ninh' },
			{ code: '56', name_vi: 'Khánh Hòa', name_en: 'Khanh Hoa' },
			{ code: '79', name_vi: 'Hồ Chí Minh', name_en: 'Ho Chi Minh City' }
		]);
		expect(map.get(provinceKey('Tỉnh Quảng Ninh'))).toBe('22');
		expect(map.get(provinceKey('Khánh Hoà'))).toBe('56');
		expect(map.get(provinceKey('TP. Hồ Chí Minh'))).toBe('79');
		expect(map.get(provinceKey('Hà Tây'))).toBeUndefined();
		expect(modernTone('Thuỵ Hoà, Hoàng, Quảng')).toBe('Thụy Hòa, Hoàng, Quảng');
	});

	it('maps Vietnamese labels to codes in coded columns, and names to province codes', () => {
		const group = col('product_group', 'text', { values: ['food', 'beverage', 'tourism'] });
		const out = normaliseColumn(group, ['Thực phẩm', 'đồ uống', 'food', 'Dich vu du lich cong dong'], [5, 6, 7, 8]);
		expect(out.values).toEqual(['food', 'beverage', 'food', 'tourism']);
		expect(out.changes.get('value_label')?.rows).toEqual([5, 6, 8]);

		const province = col('province_code', 'text', { pattern: /^\d{2}$/, ref: 'province' });
		const provinces = provinceLookup([{ code: '01', name_vi: 'Hà Nội' }]);
		const p = normaliseColumn(province, ['Hà Nội', 1, '01', 'Hà Tây'], [2, 3, 4, 5], provinces);
		expect(p.values).toEqual(['01', '01', '01', 'Hà Tây']);
		expect(p.changes.get('province_name')?.rows).toEqual([2]);
		expect(p.changes.get('code_padded')?.rows).toEqual([3]);
	});

	it('composes decomposed Vietnamese (macOS, Windows-1258) and says so', () => {
		const decomposed = 'Quảng Ninh'.normalize('NFD');
		const out = normaliseColumn(col('producer_name', 'text'), [decomposed], [2]);
		expect(out.values).toEqual(['Quảng Ninh']);
		expect(out.changes.get('composed')?.rows).toEqual([2]);
	});
});
