import { describe, expect, it } from 'vitest';
import {
	STATUS_ORDER,
	achievement,
	actualPoint,
	baselineFor,
	commitment,
	evaluate,
	expectedAt,
	forecastAt,
	isLate,
	progress,
	requiredPerYear,
	statusAfter,
	statusBefore,
	yearFraction,
	type SeriesPoint,
	type StatusCode,
	type TargetSpec
} from '../../src/lib/kpi/semantics';

/** A year-end figure. */
const ye = (year: number, value: number | null): SeriesPoint => ({ year, value, asOf: `${year}-12-31` });

const target = (t: Partial<TargetSpec>): TargetSpec => ({
	kind: 'level',
	direction: 'up',
	baselineYear: null,
	baselineValue: null,
	targetYear: 2025,
	targetMin: 100,
	targetMax: null,
	...t
});

// 2026-10-31: Jan..Sep = 31+28+31+30+31+30+31+31+30 = 273 days, + 31 = day 304 of 365.
const OCT31_2026 = 2025 + 304 / 365; // 2025.8328767…

describe('yearFraction', () => {
	it('puts 31 December at the year itself', () => {
		expect(yearFraction('2025-12-31')).toBe(2025); // 2024 + 365/365
		expect(yearFraction('2024-12-31')).toBe(2024); // leap year: 2023 + 366/366
	});
	it('puts an earlier date inside the year', () => {
		expect(yearFraction('2026-10-31')).toBeCloseTo(2025.8328767, 6); // 2025 + 304/365
		// Jan..Jun = 31+28+31+30+31+30 = 181 → 2024 + 181/365
		expect(yearFraction('2025-06-30')).toBeCloseTo(2024.4958904, 6);
		expect(yearFraction('2025-01-01')).toBeCloseTo(2024.0027397, 6); // 2024 + 1/365
		expect(yearFraction('2024-02-29')).toBeCloseTo(2023.1639344, 6); // 2023 + 60/366
	});
	it('rejects what is not a date', () => {
		expect(() => yearFraction('2025/01/01')).toThrow();
		expect(() => yearFraction('2025-02-30')).toThrow();
	});
});

describe('achievement', () => {
	it('up: actual over the target, the lower bound of a range', () => {
		expect(achievement(target({ targetMin: 150 }), 194)).toBeCloseTo(1.2933333, 6); // 194/150
		expect(achievement(target({ targetMin: 120, targetMax: 140 }), 270)).toBeCloseTo(2.25, 10); // 270/120
	});
	it('down: the ceiling over actual', () => {
		expect(achievement(target({ direction: 'down', targetMin: 10 }), 8)).toBeCloseTo(1.25, 10); // 10/8
		// range 5–10 going down: ceiling 10; 10/4 = 2.5
		expect(achievement(target({ direction: 'down', targetMin: 5, targetMax: 10 }), 4)).toBeCloseTo(2.5, 10);
	});
	it('none has no achievement; milestone is done (1) or not (0)', () => {
		expect(achievement(target({ direction: 'none', targetMin: 1.5, targetMax: 2.5 }), 2)).toBeNull();
		expect(achievement(target({ kind: 'milestone', targetMin: 1 }), 1)).toBe(1);
		expect(achievement(target({ kind: 'milestone', targetMin: 1 }), 0)).toBe(0);
	});
	it('guards division by zero and missing actuals', () => {
		expect(achievement(target({ targetMin: 0 }), 5)).toBeNull();
		expect(achievement(target({ direction: 'down', targetMin: 10 }), 0)).toBeNull();
		expect(achievement(target({}), null)).toBeNull();
	});
});

describe('commitment and progress', () => {
	it('commits to the lower bound going up, the ceiling going down', () => {
		expect(commitment({ direction: 'up', targetMin: 120, targetMax: 140 })).toBe(120);
		expect(commitment({ direction: 'down', targetMin: 5, targetMax: 10 })).toBe(10);
		expect(commitment({ direction: 'down', targetMin: 10, targetMax: null })).toBe(10);
	});
	it('measures the share of the distance covered', () => {
		expect(progress(target({ targetMin: 200 }), 118, 100)).toBeCloseTo(0.18, 10); // (118−100)/(200−100)
		// down 30 → 10, actual 22: (22−30)/(10−30) = −8/−20 = 0.4
		expect(progress(target({ direction: 'down', targetMin: 10 }), 22, 30)).toBeCloseTo(0.4, 10);
	});
	it('is null without a baseline or with no distance to cover', () => {
		expect(progress(target({ targetMin: 200 }), 118, null)).toBeNull();
		expect(progress(target({ targetMin: 200 }), 250, 200)).toBeNull();
	});
});

describe('expectedAt', () => {
	const t = target({ targetYear: 2030, targetMin: 200 });
	it('follows the straight path from baseline to target', () => {
		expect(expectedAt(t, { year: 2025, value: 100 }, 2027)).toBeCloseTo(140, 10); // 100 + 100·2/5
		// 100 + 100·(304/365)/5 = 100 + 30400/1825 = 116.6575342…
		expect(expectedAt(t, { year: 2025, value: 100 }, OCT31_2026)).toBeCloseTo(116.6575342, 6);
		expect(expectedAt(t, { year: 2025, value: 100 }, 2030)).toBeCloseTo(200, 10);
	});
	it('goes down to the ceiling for direction down', () => {
		const down = target({ direction: 'down', targetYear: 2030, targetMin: 5, targetMax: 10 });
		expect(expectedAt(down, { year: 2025, value: 30 }, 2027)).toBeCloseTo(22, 10); // 30 + (10−30)·2/5
	});
	it('is null without a baseline or a zero-length path', () => {
		expect(expectedAt(t, null, 2027)).toBeNull();
		expect(expectedAt(t, { year: 2030, value: 100 }, 2027)).toBeNull();
	});
});

describe('forecastAt', () => {
	it('extends an exact line', () => {
		// 10, 12, 14 at 2021..2023: slope 2 → 14 + 2·2 = 18 at 2025
		expect(forecastAt([ye(2021, 10), ye(2022, 12), ye(2023, 14)], 2025)).toBeCloseTo(18, 10);
	});
	it('fits least squares through scattered points', () => {
		// x̄ = 2022, ȳ = 37/3; Sxy = (−1)(−7/3) + 0 + (1)(8/3) = 5, Sxx = 2 → slope 2.5
		// at 2025: 37/3 + 2.5·3 = 19.8333…
		expect(forecastAt([ye(2021, 10), ye(2022, 12), ye(2023, 15)], 2025)).toBeCloseTo(19.8333333, 6);
	});
	it('uses only the last five points', () => {
		// 2018 = 1000 is dropped; 2019..2023 = 1..5 lie on y = x − 2018 → 7 at 2025
		const s = [ye(2018, 1000), ...[1, 2, 3, 4, 5].map((v, i) => ye(2019 + i, v))];
		expect(forecastAt(s, 2025)).toBeCloseTo(7, 10);
	});
	it('skips nulls and gaps', () => {
		// 2021 = 10, 2022 null, 2023 absent, 2024 = 16: slope 6/3 = 2 → 18 at 2025
		expect(forecastAt([ye(2021, 10), ye(2022, null), ye(2024, 16)], 2025)).toBeCloseTo(18, 10);
	});
	it('needs two dated points', () => {
		expect(forecastAt([ye(2021, 10), ye(2022, null)], 2025)).toBeNull();
		expect(forecastAt([], 2025)).toBeNull();
	});
});

describe('requiredPerYear', () => {
	const t = target({ targetYear: 2030, targetMin: 200 });
	it('spreads the remaining distance over the remaining time', () => {
		// (200 − 118) / (2030 − 2025.8328767) = 82 / 4.1671233 = 19.6778435…
		expect(requiredPerYear(t, 118, OCT31_2026)).toBeCloseTo(19.6778435, 6);
		expect(requiredPerYear(t, 120, 2027)).toBeCloseTo(80 / 3, 10);
	});
	it('is null at or after the target year', () => {
		expect(requiredPerYear(t, 118, 2030)).toBeNull();
		expect(requiredPerYear(t, null, 2027)).toBeNull();
	});
});

describe('statusAfter', () => {
	const range = target({ targetMin: 120, targetMax: 140 });
	it('up, range: above → exceeded, inside → met, below → not_met', () => {
		expect(statusAfter(range, 270)).toBe('exceeded');
		expect(statusAfter(range, 140)).toBe('met'); // upper edge is inside
		expect(statusAfter(range, 120)).toBe('met'); // lower edge is inside
		expect(statusAfter(range, 119.9)).toBe('not_met');
	});
	it('up, single value: anything above is exceeded', () => {
		expect(statusAfter(target({ targetMin: 150 }), 150)).toBe('met');
		expect(statusAfter(target({ targetMin: 150 }), 150.5)).toBe('exceeded');
	});
	it('down mirrors', () => {
		const down = target({ direction: 'down', targetMin: 5, targetMax: 10 });
		expect(statusAfter(down, 4)).toBe('exceeded');
		expect(statusAfter(down, 7)).toBe('met');
		expect(statusAfter(down, 11)).toBe('not_met');
	});
	it('none: inside met, either side not_met, never exceeded', () => {
		const none = target({ kind: 'ratio', direction: 'none', targetMin: 1.5, targetMax: 2.5 });
		expect(statusAfter(none, 2)).toBe('met');
		expect(statusAfter(none, 3)).toBe('not_met');
		expect(statusAfter(none, 1)).toBe('not_met');
	});
	it('milestone: done or not', () => {
		const m = target({ kind: 'milestone', targetMin: 1 });
		expect(statusAfter(m, 1)).toBe('met');
		expect(statusAfter(m, 0)).toBe('not_met');
	});
	it('no figure → no_data', () => {
		expect(statusAfter(range, null)).toBe('no_data');
	});
});

describe('statusBefore', () => {
	const up = target({ targetYear: 2030, targetMin: 200 });
	const ctx = { expected: 140, forecast: null, baseline: 100 };
	it('up against the path: band = 0.1·|200 − 100| = 10 below expected 140', () => {
		expect(statusBefore(up, 140, ctx)).toBe('on_track'); // exactly on the path
		expect(statusBefore(up, 139.99, ctx)).toBe('at_risk');
		expect(statusBefore(up, 130, ctx)).toBe('at_risk'); // exactly on the band edge
		expect(statusBefore(up, 129.99, ctx)).toBe('off_track');
	});
	it('takes a tolerance', () => {
		// band 0.2·100 = 20 → edge 120
		expect(statusBefore(up, 129.99, { ...ctx, tolerance: 0.2 })).toBe('at_risk');
		expect(statusBefore(up, 120, { ...ctx, tolerance: 0.2 })).toBe('at_risk');
		expect(statusBefore(up, 119.99, { ...ctx, tolerance: 0.2 })).toBe('off_track');
	});
	it('down against the path: band 0.1·|10 − 30| = 2 above expected 22', () => {
		const down = target({ direction: 'down', targetYear: 2030, targetMin: 10 });
		const c = { expected: 22, forecast: null, baseline: 30 };
		expect(statusBefore(down, 21, c)).toBe('on_track');
		expect(statusBefore(down, 22, c)).toBe('on_track');
		expect(statusBefore(down, 24, c)).toBe('at_risk'); // edge
		expect(statusBefore(down, 24.5, c)).toBe('off_track');
	});
	it('without a path, judges the forecast: band 0.1·|20| = 2 below 20', () => {
		const t = target({ targetMin: 20 });
		const c = (forecast: number) => ({ expected: null, forecast, baseline: null });
		expect(statusBefore(t, 15, c(21.7))).toBe('on_track');
		expect(statusBefore(t, 15, c(20))).toBe('on_track');
		expect(statusBefore(t, 15, c(18))).toBe('at_risk'); // edge
		expect(statusBefore(t, 15, c(17.9))).toBe('off_track');
		const down = target({ direction: 'down', targetMin: 10 });
		expect(statusBefore(down, 14, c(8))).toBe('on_track');
		expect(statusBefore(down, 14, c(11))).toBe('at_risk'); // 11 ≤ 10 + 1
		expect(statusBefore(down, 14, c(11.5))).toBe('off_track');
	});
	it('without path or forecast: on_track only once the target is reached', () => {
		const none = { expected: null, forecast: null, baseline: null };
		expect(statusBefore(target({ targetMin: 20 }), 21, none)).toBe('on_track');
		expect(statusBefore(target({ targetMin: 20 }), 15, none)).toBe('at_risk');
		expect(statusBefore(target({ direction: 'down', targetMin: 10 }), 8, none)).toBe('on_track');
		expect(statusBefore(target({ direction: 'down', targetMin: 10 }), 12, none)).toBe('at_risk');
	});
	it('milestone: done → on_track, not yet → at_risk (never off_track)', () => {
		const m = target({ kind: 'milestone', targetMin: 1 });
		const c = { expected: 0.6, forecast: null, baseline: 0 };
		expect(statusBefore(m, 1, c)).toBe('on_track');
		expect(statusBefore(m, 0, c)).toBe('at_risk');
	});
	it('none: inside the band on_track, outside at_risk', () => {
		const t = target({ kind: 'ratio', direction: 'none', targetMin: 1.5, targetMax: 2.5 });
		const c = { expected: 1.3, forecast: null, baseline: 1 };
		expect(statusBefore(t, 2, c)).toBe('on_track');
		expect(statusBefore(t, 1.3, c)).toBe('at_risk');
		expect(statusBefore(t, 3, c)).toBe('at_risk');
	});
	it('no figure → no_data', () => {
		expect(statusBefore(up, null, ctx)).toBe('no_data');
	});
});

describe('actualPoint and baselineFor', () => {
	it('before T takes the evaluated year only; a missing year is missing', () => {
		const s = [ye(2021, 10), ye(2022, null), ye(2024, 16)];
		expect(actualPoint({ targetYear: 2025 }, s, 2024)?.value).toBe(16);
		expect(actualPoint({ targetYear: 2025 }, s, 2022)).toBeNull();
		expect(actualPoint({ targetYear: 2025 }, s, 2023)).toBeNull();
	});
	it('from T on takes the T figure, else the last one before T, never a later one', () => {
		const s = [ye(2024, 16), ye(2025, 18), ye(2026, 30)];
		expect(actualPoint({ targetYear: 2025 }, s, 2027)?.value).toBe(18);
		expect(actualPoint({ targetYear: 2025 }, [ye(2024, 16), ye(2026, 30)], 2026)?.value).toBe(16);
		expect(actualPoint({ targetYear: 2025 }, [ye(2026, 30)], 2026)).toBeNull();
	});
	it('keeps the latest figure of a year', () => {
		const s: SeriesPoint[] = [
			{ year: 2024, value: 5, asOf: '2024-06-30' },
			{ year: 2024, value: 9, asOf: '2024-12-31' }
		];
		expect(actualPoint({ targetYear: 2025 }, s, 2024)?.value).toBe(9);
	});
	it('baseline: stated, else the series at T − 5', () => {
		const s = [ye(2020, 100), ye(2023, 150)];
		const b = (t: Partial<TargetSpec>) => baselineFor({ baselineYear: null, baselineValue: null, targetYear: 2025, ...t }, s);
		expect(b({ baselineYear: 2019, baselineValue: 80 })).toEqual({ year: 2019, value: 80 });
		expect(b({})).toEqual({ year: 2020, value: 100 });
		expect(b({ baselineValue: 90 })).toEqual({ year: 2020, value: 90 }); // year defaults to T − 5
		expect(b({ baselineYear: 2023 })).toEqual({ year: 2023, value: 150 }); // value from the series
		expect(b({ targetYear: 2030 })).toBeNull(); // no 2025 figure
	});
});

describe('evaluate — published targets', () => {
	it('Ninh Thuận OCOP 120–140 by 2025 (range, level)', () => {
		const t = target({ targetMin: 120, targetMax: 140 });
		const high = evaluate(t, [ye(2025, 270)], 2025);
		expect(high.status).toBe('exceeded');
		expect(high.achievement).toBeCloseTo(2.25, 10); // 270/120
		expect(high.final).toBe(true);
		const mid = evaluate(t, [ye(2025, 130)], 2025);
		expect(mid.status).toBe('met');
		expect(mid.achievement).toBeCloseTo(1.0833333, 6); // 130/120
		const low = evaluate(t, [ye(2025, 110)], 2025);
		expect(low.status).toBe('not_met');
		expect(low.achievement).toBeCloseTo(0.9166667, 6); // 110/120
	});

	it('Thái Bình OCOP 150 by 2025, 194 reached', () => {
		const e = evaluate(target({ targetMin: 150 }), [ye(2024, 170), ye(2025, 194)], 2025);
		expect(e.achievement).toBeCloseTo(1.2933333, 6); // 194/150
		expect(e.status).toBe('exceeded');
		expect(e.yoy.previous).toBe(170);
		expect(e.yoy.change).toBe(24); // 194 − 170
		expect(e.yoy.ratio).toBeCloseTo(0.1411765, 6); // 194/170 − 1
		expect(e.requiredPerYear).toBeNull();
	});

	it('Đà Nẵng startup projects 200 by 2025 (cumulative from 0 at 2020), 189 reached', () => {
		const t = target({ kind: 'cumulative', baselineYear: 2020, baselineValue: 0, targetMin: 200 });
		const e = evaluate(t, [ye(2021, 40), ye(2022, 80), ye(2023, 120), ye(2024, 160), ye(2025, 189)], 2025);
		expect(e.achievement).toBeCloseTo(0.945, 10); // 189/200
		expect(e.progress).toBeCloseTo(0.945, 10); // (189 − 0)/(200 − 0)
		expect(e.status).toBe('not_met');
		expect(e.baselineUsed).toEqual({ year: 2020, value: 0 });
	});

	it('the same cumulative target mid-plan: exactly on the path', () => {
		const t = target({ kind: 'cumulative', baselineYear: 2020, baselineValue: 0, targetMin: 200 });
		const e = evaluate(t, [ye(2021, 40), ye(2022, 80), ye(2023, 120)], 2023);
		expect(e.expected).toBeCloseTo(120, 10); // 0 + 200·3/5
		expect(e.status).toBe('on_track');
		expect(e.requiredPerYear).toBeCloseTo(40, 10); // (200 − 120)/(2025 − 2023)
		expect(e.forecast).toBeCloseTo(200, 10); // slope 40 → 120 + 2·40
		expect(e.final).toBe(false);
	});

	it('a province abolished mid-2025 is judged on its last figure', () => {
		// Ninh Thuận merged into Khánh Hòa on 2025-07-01; its last report is as of 2025-06-30.
		const s: SeriesPoint[] = [ye(2023, 100), ye(2024, 115), { year: 2025, value: 125, asOf: '2025-06-30' }];
		const e = evaluate(target({ targetMin: 120, targetMax: 140 }), s, 2026);
		expect(e.final).toBe(true);
		expect(e.actual).toBe(125);
		expect(e.actualAsOf).toBe('2025-06-30');
		expect(e.status).toBe('met');
		expect(e.achievement).toBeCloseTo(1.0416667, 6); // 125/120
		expect(e.requiredPerYear).toBeNull(); // the plan is over
		expect(e.yoy.change).toBe(10); // 125 − 115
		expect(e.yoy.ratio).toBeCloseTo(0.0869565, 6); // 125/115 − 1
		expect(evaluate(target({ targetMin: 150 }), s, 2026).status).toBe('not_met');
	});
});

describe('evaluate — a 2030 target in 2026, figure as of 2026-10-31', () => {
	const t = target({ targetYear: 2030, baselineYear: 2025, baselineValue: 100, targetMin: 200 });
	const s: SeriesPoint[] = [ye(2022, 70), ye(2023, 80), ye(2024, 90), ye(2025, 100), { year: 2026, value: 118, asOf: '2026-10-31' }];
	const e = evaluate(t, s, 2026);

	it('expected on the straight path at 2025 + 304/365', () => {
		// 100 + (200 − 100)·(2025.8328767 − 2025)/(2030 − 2025) = 100 + 16.6575342 = 116.6575342
		expect(e.expected).toBeCloseTo(116.6575342, 6);
		expect(e.status).toBe('on_track'); // 118 ≥ 116.66
	});
	it('achievement, progress, required per year', () => {
		expect(e.achievement).toBeCloseTo(0.59, 10); // 118/200
		expect(e.progress).toBeCloseTo(0.18, 10); // (118 − 100)/(200 − 100)
		expect(e.requiredPerYear).toBeCloseTo(19.6778435, 6); // 82 / (2030 − 2025.8328767)
	});
	it('forecast by least squares over the five points', () => {
		// u = x − 2024: −2, −1, 0, 1, 1.8328767; y: 70, 80, 90, 100, 118
		// ū = −0.1671233/5 = −0.0334247, ȳ = 458/5 = 91.6
		// Sxx = Σu² − 5ū² = 9.3594380 − 0.0055860 = 9.3538510
		// Sxy = Σuy − 5ūȳ = 96.2794521 + 15.3084932 = 111.5879452
		// slope = 11.9296261; at u = 6: 91.6 + 11.9296261·(6 + 0.0334247) = 163.5765004
		expect(e.forecast).toBeCloseTo(163.5765004, 5);
	});
	it('year on year against 2025, or against the same period when given', () => {
		expect(e.yoy.previous).toBe(100);
		expect(e.yoy.change).toBe(18);
		expect(e.yoy.ratio).toBeCloseTo(0.18, 10); // 118/100 − 1
		const same = evaluate(t, s, 2026, { previous: 95 }); // as of 2025-10-31
		expect(same.yoy.change).toBe(23);
		expect(same.yoy.ratio).toBeCloseTo(0.2421053, 6); // 118/95 − 1
		const unknown = evaluate(t, s, 2026, { previous: null });
		expect(unknown.yoy).toEqual({ previous: null, change: null, ratio: null });
	});
	it('below the path by less than the band → at_risk, more → off_track', () => {
		// band = 0.1·100 = 10 → at_risk down to 106.6575342
		const at = (v: number) => evaluate(t, [...s.slice(0, 4), { year: 2026, value: v, asOf: '2026-10-31' }], 2026).status;
		expect(at(110)).toBe('at_risk');
		expect(at(106.66)).toBe('at_risk');
		expect(at(106.65)).toBe('off_track');
	});
	it('ignores figures from after the evaluated year', () => {
		const later = evaluate(t, [...s, ye(2027, 1000)], 2026);
		expect(later.forecast).toBeCloseTo(163.5765004, 5);
	});
});

describe('evaluate — tolerance band edges at year-end 2027', () => {
	// level, 100 (2025) → 200 (2030); expected at 2027 = 100 + 100·2/5 = 140, band 10
	const t = target({ targetYear: 2030, baselineYear: 2025, baselineValue: 100, targetMin: 200 });
	const at = (v: number, tolerance?: number) => evaluate(t, [ye(2027, v)], 2027, { tolerance }).status;
	it.each<[number, StatusCode]>([
		[140, 'on_track'],
		[139.99, 'at_risk'],
		[130, 'at_risk'],
		[129.99, 'off_track']
	])('%d → %s', (v, status) => expect(at(v)).toBe(status));
	it('tolerance 0.2 moves the edge to 120', () => {
		expect(at(120, 0.2)).toBe('at_risk');
		expect(at(119.99, 0.2)).toBe('off_track');
	});
});

describe('evaluate — every kind', () => {
	it('flow: new S&T firms in the year, 4 (2020) → 10 (2025)', () => {
		const t = target({ kind: 'flow', baselineYear: 2020, baselineValue: 4, targetMin: 10 });
		// expected 2023 = 4 + 6·3/5 = 7.6; band 0.1·6 = 0.6 → edge 7.0
		const e = evaluate(t, [ye(2021, 5), ye(2022, 6), ye(2023, 7)], 2023);
		expect(e.expected).toBeCloseTo(7.6, 10);
		expect(e.status).toBe('at_risk'); // exactly on the edge
		expect(e.progress).toBeCloseTo(0.5, 10); // (7 − 4)/(10 − 4)
		expect(e.requiredPerYear).toBeCloseTo(1.5, 10); // (10 − 7)/(2025 − 2023)
		expect(evaluate(t, [ye(2023, 6.9)], 2023).status).toBe('off_track');
	});

	it('ratio: S&T share 0.2 % (2025) → 1.0 % (2030), band edge with float noise', () => {
		const t = target({ kind: 'ratio', targetYear: 2030, baselineYear: 2025, baselineValue: 0.2, targetMin: 1.0 });
		// expected 2028 = 0.2 + 0.8·3/5 = 0.68; band 0.1·0.8 = 0.08 → edge 0.60,
		// which binary arithmetic makes 0.6000000000000001: 0.6 must still be at_risk
		expect(evaluate(t, [ye(2028, 0.68)], 2028).status).toBe('on_track');
		expect(evaluate(t, [ye(2028, 0.6)], 2028).status).toBe('at_risk');
		expect(evaluate(t, [ye(2028, 0.599)], 2028).status).toBe('off_track');
		expect(evaluate(t, [ye(2028, 0.6)], 2028).achievement).toBeCloseTo(0.6, 10); // 0.6/1.0
		expect(evaluate(t, [ye(2028, 0.6)], 2028).progress).toBeCloseTo(0.5, 10); // (0.6 − 0.2)/(1.0 − 0.2)
	});

	it('ratio with direction none: a band to stay inside', () => {
		const t = target({ kind: 'ratio', direction: 'none', baselineYear: 2020, baselineValue: 1, targetMin: 1.5, targetMax: 2.5 });
		expect(evaluate(t, [ye(2025, 2)], 2025).status).toBe('met');
		expect(evaluate(t, [ye(2025, 3)], 2025).status).toBe('not_met');
		expect(evaluate(t, [ye(2025, 2)], 2025).achievement).toBeNull();
		expect(evaluate(t, [ye(2023, 1.3)], 2023).status).toBe('at_risk');
		// progress toward the lower bound: (2 − 1)/(1.5 − 1) = 2
		expect(evaluate(t, [ye(2025, 2)], 2025).progress).toBeCloseTo(2, 10);
	});

	it('milestone: the Innovation Centre in operation by 2025', () => {
		const t = target({ kind: 'milestone', baselineYear: 2020, baselineValue: 0, targetMin: 1 });
		expect(evaluate(t, [ye(2023, 0), ye(2024, 0)], 2024).status).toBe('at_risk');
		expect(evaluate(t, [ye(2023, 0), ye(2024, 1)], 2024).status).toBe('on_track');
		const done = evaluate(t, [ye(2024, 1), ye(2025, 1)], 2025);
		expect(done.status).toBe('met');
		expect(done.achievement).toBe(1);
		const missed = evaluate(t, [ye(2024, 0), ye(2025, 0)], 2025);
		expect(missed.status).toBe('not_met');
		expect(missed.achievement).toBe(0);
	});

	it('level without a baseline falls back to the series at T − 5', () => {
		// 100 in 2020 → 200 in 2025: expected 2023 = 100 + 100·3/5 = 160; band 10 → edge 150
		const e = evaluate(target({ targetMin: 200 }), [ye(2020, 100), ye(2023, 150)], 2023);
		expect(e.baselineUsed).toEqual({ year: 2020, value: 100 });
		expect(e.expected).toBeCloseTo(160, 10);
		expect(e.status).toBe('at_risk');
		expect(e.progress).toBeCloseTo(0.5, 10); // (150 − 100)/(200 − 100)
	});

	it('level with no baseline at all is judged on the forecast', () => {
		const t = target({ targetMin: 20 });
		// 10, 12, 15 → forecast 19.8333 (see forecastAt); edge 20 − 2 = 18 → at_risk
		const e = evaluate(t, [ye(2021, 10), ye(2022, 12), ye(2023, 15)], 2023);
		expect(e.baselineUsed).toBeNull();
		expect(e.expected).toBeNull();
		expect(e.progress).toBeNull();
		expect(e.forecast).toBeCloseTo(19.8333333, 6);
		expect(e.status).toBe('at_risk');
		// 10, 12, 16: x̄ 2022, ȳ 38/3, slope (−8/3·−1 + 10/3·1)/2 = 3 → 38/3 + 9 = 21.667 → on_track
		expect(evaluate(t, [ye(2021, 10), ye(2022, 12), ye(2023, 16)], 2023).status).toBe('on_track');
		// 10, 11, 12 → 14 < 18 → off_track
		expect(evaluate(t, [ye(2021, 10), ye(2022, 11), ye(2023, 12)], 2023).status).toBe('off_track');
		// one figure, no trend: 21 ≥ 20 → on_track, 15 → at_risk
		expect(evaluate(t, [ye(2023, 21)], 2023).status).toBe('on_track');
		expect(evaluate(t, [ye(2023, 15)], 2023).status).toBe('at_risk');
	});
});

describe('evaluate — direction down', () => {
	// share of late S&T tasks: 30 % (2025) → at most 10 % (2030)
	const t = target({ kind: 'ratio', direction: 'down', targetYear: 2030, baselineYear: 2025, baselineValue: 30, targetMin: 10 });
	it('before T: expected 2027 = 30 + (10 − 30)·2/5 = 22, band 2 above', () => {
		const at = (v: number) => evaluate(t, [ye(2027, v)], 2027);
		expect(at(22).expected).toBeCloseTo(22, 10);
		expect(at(22).status).toBe('on_track');
		expect(at(24).status).toBe('at_risk');
		expect(at(24.5).status).toBe('off_track');
		expect(at(22).progress).toBeCloseTo(0.4, 10); // (22 − 30)/(10 − 30)
		expect(at(22).requiredPerYear).toBeCloseTo(-4, 10); // (10 − 22)/(2030 − 2027)
		expect(at(22).achievement).toBeCloseTo(0.4545455, 6); // 10/22
	});
	it('at T: below → exceeded, at → met, above → not_met', () => {
		expect(evaluate(t, [ye(2030, 8)], 2030).status).toBe('exceeded');
		expect(evaluate(t, [ye(2030, 8)], 2030).achievement).toBeCloseTo(1.25, 10); // 10/8
		expect(evaluate(t, [ye(2030, 10)], 2030).status).toBe('met');
		expect(evaluate(t, [ye(2030, 12)], 2030).status).toBe('not_met');
		expect(evaluate(t, [ye(2030, 12)], 2030).achievement).toBeCloseTo(0.8333333, 6); // 10/12
	});
});

describe('evaluate — missing years', () => {
	const t = target({ targetMin: 20 });
	const s = [ye(2021, 10), ye(2022, null), ye(2024, 16)];
	it('nulls and gaps are skipped, not zeros', () => {
		const e = evaluate(t, s, 2024);
		expect(e.actual).toBe(16);
		expect(e.forecast).toBeCloseTo(18, 10); // slope (16 − 10)/3 = 2 → 16 + 2
		expect(e.status).toBe('at_risk'); // 18 ≥ 20 − 2, on the edge
		expect(e.yoy).toEqual({ previous: null, change: null, ratio: null }); // 2023 absent
		expect(evaluate(t, s, 2024, { previous: 14 }).yoy.ratio).toBeCloseTo(0.1428571, 6); // 16/14 − 1
	});
	it('a year with no figure is no_data', () => {
		for (const y of [2022, 2023]) {
			const e = evaluate(t, s, y);
			expect(e.status).toBe('no_data');
			expect(e.actual).toBeNull();
			expect(e.achievement).toBeNull();
			expect(e.expected).toBeNull();
			expect(e.requiredPerYear).toBeNull();
		}
		expect(evaluate(t, [], 2025).status).toBe('no_data');
		expect(evaluate(t, [ye(2025, null)], 2025).status).toBe('no_data');
	});
	it('a zero previous gives a change but no ratio', () => {
		const e = evaluate(t, [ye(2023, 0), ye(2024, 5)], 2024);
		expect(e.yoy).toEqual({ previous: 0, change: 5, ratio: null });
	});
});

describe('ordering and lateness', () => {
	it('sorts worst first', () => {
		const all: StatusCode[] = ['met', 'exceeded', 'no_data', 'on_track', 'at_risk', 'not_met', 'off_track'];
		const sorted = [...all].sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b));
		expect(sorted).toEqual(['off_track', 'not_met', 'at_risk', 'no_data', 'on_track', 'met', 'exceeded']);
	});
	it('late means off_track, at_risk or not_met', () => {
		expect(STATUS_ORDER.filter(isLate)).toEqual(['off_track', 'not_met', 'at_risk']);
	});
});

describe('trendPoints', () => {
	it('keeps only year-end figures of flows and ratios, every figure of stocks', async () => {
		const { trendPoints, evaluate } = await import('../../src/lib/kpi/semantics');
		const pts = [
			{ year: 2024, value: 80, asOf: '2024-12-31' },
			{ year: 2025, value: 82, asOf: '2025-12-31' },
			{ year: 2026, value: 40, asOf: '2026-10-31' } // disbursed to date: not a full year
		];
		expect(trendPoints('ratio', pts).map((p) => p.year)).toEqual([2024, 2025]);
		expect(trendPoints('flow', pts).map((p) => p.year)).toEqual([2024, 2025]);
		expect(trendPoints('level', pts).map((p) => p.year)).toEqual([2024, 2025, 2026]);
		// 2030 forecast of a disbursement rate from 80 (2024) and 82 (2025): 82 + 2·5 = 92, not a collapse
		const ev = evaluate(
			{ kind: 'ratio', direction: 'up', baselineYear: 2025, baselineValue: 82, targetYear: 2030, targetMin: 90, targetMax: null },
			pts,
			2026
		);
		expect(ev.forecast).toBeCloseTo(92, 6);
	});
});
