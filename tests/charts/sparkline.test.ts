import { describe, expect, it } from 'vitest';
import { sparkline } from '../../src/lib/charts/sparkline';

describe('sparkline', () => {
	it('scales years and values into the box, target included in the domain', () => {
		// years 2021..2025 → x from 0 to 100 (pad 0); values 0..200 (0 and the target 200 set the domain)
		const g = sparkline({
			points: [
				{ year: 2021, value: 50 },
				{ year: 2022, value: 100 }
			],
			targetYear: 2025,
			targetMin: 200,
			targetMax: null,
			width: 100,
			height: 50,
			pad: 0
		})!;
		expect(g.dots).toEqual([
			{ x: 0, y: 37.5, year: 2021, value: 50 },
			{ x: 25, y: 25, year: 2022, value: 100 }
		]);
		expect(g.path).toBe('M0,37.5L25,25');
		expect(g.target).toEqual({ x: 100, y1: 0, y2: 0 });
	});

	it('breaks the line at a missing year and draws a band for a range target', () => {
		const g = sparkline({
			points: [
				{ year: 2020, value: 10 },
				{ year: 2021, value: null },
				{ year: 2022, value: 30 }
			],
			targetYear: 2022,
			targetMin: 20,
			targetMax: 40,
			width: 20,
			height: 40,
			pad: 0
		})!;
		expect(g.path).toBe('M0,30M20,10');
		expect(g.target).toEqual({ x: 20, y1: 0, y2: 20 });
	});

	it('returns null when there is nothing to draw', () => {
		expect(sparkline({ points: [{ year: 2020, value: null }], targetYear: 2025, targetMin: 1, targetMax: null, width: 10, height: 10 })).toBeNull();
	});
});
