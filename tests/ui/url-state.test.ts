import { describe, expect, it } from 'vitest';
import { filterQuery, readFilters } from '../../src/lib/ui/url-state';

const space = {
	default_unit: '22@2025',
	year: 2026,
	years: [2024, 2025, 2026],
	units: [
		{ code: '22', vintage: '2025' },
		{ code: '34', vintage: '2024' }
	]
};

describe('filters in the URL', () => {
	it('reads what is valid and falls back to defaults for the rest', () => {
		const f = readFilters(new URL('http://x/?unit=34@2024&year=2025&lang=en&plan=2021-2025&domain=ocop'), space);
		expect(f).toEqual({ unit: '34@2024', year: 2025, lang: 'en', plan: '2021-2025', domain: 'ocop', late: false });
		const bad = readFilters(new URL('http://x/?unit=99@2024&year=1990&lang=fr&plan=x&domain=<script>'), space);
		expect(bad).toEqual({ unit: '22@2025', year: 2026, lang: 'vi', plan: null, domain: null, late: false });
	});

	it('writes only what differs from the defaults, and round-trips', () => {
		expect(filterQuery({ unit: '22@2025', year: 2026, lang: 'vi' }, space)).toBe('');
		const q = filterQuery({ unit: '34@2024', year: 2025, lang: 'en', plan: '2021-2025', domain: 'ocop', late: true }, space, { slide: 3 });
		expect(q).toBe('?unit=34%402024&year=2025&plan=2021-2025&domain=ocop&late=1&slide=3&lang=en');
		expect(readFilters(new URL('http://x/' + q), space)).toMatchObject({ unit: '34@2024', year: 2025, lang: 'en', late: true });
	});
});
