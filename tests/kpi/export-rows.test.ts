/** `npm run kpi -- --format csv` writes names and sources from the departments' files: they must open as text. */
import { describe, expect, it } from 'vitest';
import { toCsv, type KpiRecord } from '../../src/lib/kpi/export-rows';

describe('KPI CSV', () => {
	it('neutralises formula-like text and leaves numbers as numbers', () => {
		const rec = { indicator: 'OC01', indicator_name: '=HYPERLINK("http://x","y")', unit_name: '@SUM(A1)', actual: -5, sources: '+cmd' } as unknown as KpiRecord;
		const [header, row] = toCsv([rec]).trim().split('\n');
		expect(header).toBe('indicator,indicator_name,unit_name,actual,sources');
		expect(row).toBe(`OC01,"'=HYPERLINK(""http://x"",""y"")",'@SUM(A1),-5,'+cmd`);
	});
});
