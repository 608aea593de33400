/**
 * Meeting mode's deck: which slides a scorecard becomes, in which order, split how,
 * and what each says about its sources. Hand-made rows fix every rule; the last
 * block builds Thái Bình's 2021–2025 deck from the real default data and checks it
 * against counts taken straight from the targets table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	buildSlides,
	chunk,
	countStatuses,
	deckRows,
	lateRows,
	slideSources,
	slideTitle,
	type ClosingSlide,
	type DomainSlide,
	type LateSlide,
	type TitleSlide
} from '../../src/lib/kpi/slides';
import { bullet, trend } from '../../src/lib/charts/slide-options';
import { computeScorecard, resolveUnit, type ScorecardRow } from '../../src/lib/kpi/scorecard';
import type { StatusCode } from '../../src/lib/kpi/semantics';
import { openDataDir } from '../../scripts/lib/open-data';
import { toRows } from '../../src/lib/db/rows';
import type { Db } from '../../src/lib/db/types';

let n = 0;
function row(domain: string, status: StatusCode, o: Partial<ScorecardRow> = {}): ScorecardRow {
	n += 1;
	return {
		indicator: `X${String(n).padStart(2, '0')}`,
		domain,
		kind: 'level',
		direction: 'up',
		name_vi: `Chỉ tiêu ${n}`,
		name_en: `Indicator ${n}`,
		measure_vi: 'sản phẩm',
		measure_en: 'products',
		unit_code: '34',
		unit_vintage: '2024',
		unit_name_vi: 'Thái Bình',
		unit_name_en: 'Thai Binh',
		plan: '2021-2025',
		basis: 'provincial',
		baseline_year: null,
		baseline_value: null,
		target_year: 2025,
		target_min: 10,
		target_max: null,
		actual: 8,
		as_of: '2025-06-30',
		achievement: 0.8,
		progress: null,
		expected: null,
		forecast: null,
		required_per_year: null,
		status,
		final: true,
		yoy_change: null,
		yoy_ratio: null,
		document: 'Minh họa — chưa có chỉ tiêu công bố',
		target_source_url: null,
		target_provenance: 'illustrative',
		actual_origin: 'records',
		actual_dataset: 'ocop_products',
		actual_provenance: 'calibrated',
		actual_sources: [],
		published_check: null,
		series: [],
		...o
	};
}

describe('chunk', () => {
	it('splits into nearly equal parts, never a lone straggler', () => {
		expect(chunk([1, 2, 3, 4, 5], 4)).toEqual([[1, 2, 3], [4, 5]]);
		expect(chunk([1, 2, 3, 4, 5, 6, 7, 8], 4)).toEqual([[1, 2, 3, 4], [5, 6, 7, 8]]);
		expect(chunk([1, 2, 3, 4, 5, 6, 7, 8, 9], 4)).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
		expect(chunk([1, 2], 4)).toEqual([[1, 2]]);
		expect(chunk([], 4)).toEqual([]);
	});
});

describe('buildSlides', () => {
	// Scorecard order: plan, unit, domain. Six OCOP targets, one startups, two budget, one 2026–2030.
	const rows = [
		row('startups', 'exceeded'),
		row('ocop', 'not_met'),
		row('ocop', 'met'),
		row('ocop', 'at_risk'),
		row('ocop', 'exceeded'),
		row('ocop', 'off_track'),
		row('ocop', 'not_met'),
		row('budget', 'no_data'),
		row('budget', 'off_track'),
		row('ocop', 'at_risk', { plan: '2026-2030', final: false, target_year: 2030 })
	];
	const [ks, oc1, oc2, oc3, oc4, oc5, oc6, ns1, ns2, oc7] = rows;

	it('before the scorecard is known: the title slide alone, without counts', () => {
		expect(buildSlides(null)).toEqual([{ kind: 'title', key: 'title', counts: null, total: 0, late: 0, plans: [], byDomain: [] }]);
	});

	it('title, domains in schema order split by five, late targets worst first, closing', () => {
		const slides = buildSlides(rows);
		expect(slides.map((s) => s.key)).toEqual([
			'title',
			'domain:startups:1',
			'domain:ocop:1',
			'domain:ocop:2',
			'domain:budget:1',
			...[oc5, ns2, oc1, oc6, oc3, oc7].map(
				(r) => `late:${r.indicator}|34@2024|${r.plan}|provincial|${r.target_year}`
			),
			'closing:1'
		]);
		const title = slides[0] as TitleSlide;
		// 10 targets: 2 exceeded, 1 met, 2 not met, 2 at risk, 2 off track, 1 no data; late = 2 + 2 + 2
		expect(title.total).toBe(10);
		expect(title.late).toBe(6);
		expect(title.counts).toEqual({ exceeded: 2, met: 1, not_met: 2, on_track: 0, at_risk: 2, off_track: 2, no_data: 1 });
		expect(title.plans).toEqual(['2021-2025', '2026-2030']);
		expect(title.byDomain.map((d) => [d.domain, d.total])).toEqual([['startups', 1], ['ocop', 7], ['budget', 2]]);
		// 7 OCOP targets → 4 + 3, in scorecard order
		expect((slides[2] as DomainSlide).rows).toEqual([oc1, oc2, oc3, oc4]);
		expect((slides[3] as DomainSlide).rows).toEqual([oc5, oc6, oc7]);
		expect([(slides[3] as DomainSlide).part, (slides[3] as DomainSlide).parts]).toEqual([2, 2]);
		expect((slides[1] as DomainSlide).rows).toEqual([ks]);
		expect((slides[4] as DomainSlide).rows).toEqual([ns1, ns2]);
		const late = slides.filter((s): s is LateSlide => s.kind === 'late');
		expect(late.map((s) => [s.position, s.of])).toEqual([[1, 6], [2, 6], [3, 6], [4, 6], [5, 6], [6, 6]]);
		const closing = slides.at(-1) as ClosingSlide;
		expect(closing.decisions).toEqual([oc5, ns2, oc1, oc6, oc3, oc7]);
		expect(closing.rows).toHaveLength(10);
	});

	it('keeps to the plan (and domain) asked for', () => {
		const plan = buildSlides(rows, { plan: '2026-2030' });
		expect(plan.map((s) => s.kind)).toEqual(['title', 'domain', 'late', 'closing']);
		expect((plan[0] as TitleSlide).plans).toEqual(['2026-2030']);
		const budget = buildSlides(rows, { domain: 'budget' });
		expect(budget.map((s) => s.key)).toEqual(['title', 'domain:budget:1', `late:${ns2.indicator}|34@2024|2021-2025|provincial|2025`, 'closing:1']);
		expect(deckRows(rows, { plan: '2021-2025', domain: 'ocop' })).toEqual([oc1, oc2, oc3, oc4, oc5, oc6]);
	});

	it('a plan without targets is the title slide alone, with zero counts', () => {
		const slides = buildSlides(rows, { plan: '2016-2025' });
		expect(slides).toHaveLength(1);
		expect((slides[0] as TitleSlide).total).toBe(0);
		expect((slides[0] as TitleSlide).plans).toEqual(['2016-2025']);
	});

	it('splits a long list of decisions, numbering on; sources go on the last part', () => {
		const many = Array.from({ length: 9 }, () => row('ip', 'not_met'));
		const closing = buildSlides(many).filter((s): s is ClosingSlide => s.kind === 'closing');
		expect(closing.map((c) => [c.decisions.length, c.start, c.part, c.parts, c.lateTotal])).toEqual([
			[5, 1, 1, 2, 9],
			[4, 6, 2, 2, 9]
		]);
	});

	it('without late targets there is still a closing slide (for the sources)', () => {
		const slides = buildSlides([row('ocop', 'met')]);
		expect(slides.map((s) => s.kind)).toEqual(['title', 'domain', 'closing']);
		expect((slides[2] as ClosingSlide).decisions).toEqual([]);
	});

	it('every key is unique, so the slides can be keyed', () => {
		const keys = buildSlides(rows).map((s) => s.key);
		expect(new Set(keys).size).toBe(keys.length);
	});
});

describe('lateRows and countStatuses', () => {
	it('takes off track, not met and at risk only, worst first, stable within a status', () => {
		const a = row('ocop', 'at_risk');
		const b = row('ocop', 'not_met');
		const c = row('ocop', 'on_track');
		const d = row('ocop', 'off_track');
		const e = row('ocop', 'not_met');
		expect(lateRows([a, b, c, d, e])).toEqual([d, b, e, a]);
		expect(countStatuses([a, b, c, d, e])).toEqual({ exceeded: 0, met: 0, not_met: 2, on_track: 1, at_risk: 1, off_track: 1, no_data: 0 });
	});
});

describe('slideTitle', () => {
	const slides = buildSlides([...Array.from({ length: 6 }, () => row('ocop', 'met')), row('ocop', 'not_met')]);
	it('names each kind of slide in both languages', () => {
		expect(slideTitle(slides[0], 'vi', 'Thái Bình')).toBe('Thái Bình');
		expect(slideTitle(slides[1], 'vi', 'Thái Bình')).toBe('Sản phẩm OCOP (1/2)');
		expect(slideTitle(slides[2], 'en', 'Thai Binh')).toBe('OCOP products (2/2)');
		const late = slides.find((s) => s.kind === 'late') as LateSlide;
		expect(slideTitle(late, 'vi', 'Thái Bình')).toBe(late.row.name_vi);
		expect(slideTitle(slides.at(-1)!, 'vi', 'Thái Bình')).toBe('Vấn đề cần cho ý kiến chỉ đạo');
		expect(slideTitle(slides.at(-1)!, 'en', 'Thai Binh')).toBe('Decisions to take');
	});
});

describe('slideSources', () => {
	it('lists each document and dataset once, a dataset as uncertain as its least certain reading', () => {
		const rows = [
			row('ocop', 'met', { document: 'QĐ 1', target_provenance: 'published', actual_provenance: 'published', as_of: '2025-06-30' }),
			row('ocop', 'met', { document: 'QĐ 1', target_provenance: 'published', actual_provenance: 'calibrated', as_of: '2025-12-31' }),
			row('budget', 'met', { document: 'QĐ 2', target_provenance: 'published', actual_dataset: 'observations', actual_provenance: 'published', as_of: null })
		];
		expect(slideSources(rows)).toEqual({
			documents: [
				{ document: 'QĐ 1', provenance: 'published' },
				{ document: 'QĐ 2', provenance: 'published' }
			],
			datasets: [
				{ name: 'ocop_products', provenance: 'calibrated' },
				{ name: 'observations', provenance: 'published' }
			],
			asOf: '2025-12-31',
			illustrative: true
		});
		expect(slideSources([rows[0]]).illustrative).toBe(false);
	});
});

describe('the slides’ charts (geometry)', () => {
	it('bullet: 194 against 150 on a track to 194 × 1,1 = 213,4', () => {
		const g = bullet(row('ocop', 'exceeded', { actual: 194, target_min: 150 }))!;
		expect(g.actual).toBeCloseTo(90.9, 1); // 194 / 213.4
		expect(g.target).toBeCloseTo(70.3, 1); // 150 / 213.4
		expect(g.targetMax).toBeNull();
		expect(g.expected).toBeNull();
	});
	it('bullet: a range draws its band, the path shows before the target year, a milestone has no bar', () => {
		const g = bullet(row('ocop', 'at_risk', { actual: 50, target_min: 120, target_max: 140, final: false, expected: 60 }))!;
		// track to 140 × 1,1 = 154
		expect([g.actual, g.target, g.targetMax, g.expected]).toEqual([32.5, 77.9, 90.9, 39]);
		expect(bullet(row('innovation_centre', 'met', { kind: 'milestone', actual: 1, target_min: 1 }))).toBeNull();
		expect(bullet(row('ocop', 'no_data', { actual: null }))).toBeNull();
	});
	it('trend: years from the first point to the target year, the path from the baseline, a gap breaks the line', () => {
		const g = trend(
			row('startups', 'at_risk', {
				final: false,
				target_year: 2030,
				target_min: 100,
				baseline_year: 2025,
				baseline_value: 0,
				forecast: 80,
				series: [
					{ year: 2024, value: 0 },
					{ year: 2025, value: 10 },
					{ year: 2026, value: null },
					{ year: 2027, value: 30 }
				]
			}),
			{ width: 700, height: 300, margin: { left: 50, right: 0, top: 0, bottom: 50 } }
		)!;
		// x: 2024 → 50, 2030 → 700, 650 / 6 a year. y: 0 at 250, the top at 100 × 1,08 = 108,
		// so y(v) = 250 − v / 108 × 250; ticks every 20 up to 100.
		expect(g.xTicks.map((t) => t.year)).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
		expect(g.yTicks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100]);
		expect(g.dots.map((d) => [d.x, d.y])).toEqual([
			[50, 250], // 2024: 0
			[158.3, 226.9], // 2025: 10 → 250 − 23,15
			[375, 180.6] // 2027: 30 → 250 − 69,44
		]);
		expect(g.path).toBe('M50,250L158.3,226.9M375,180.6');
		expect(g.target).toEqual({ x: 700, y: 18.5, y2: 18.5 }); // 100 → 250 − 231,48
		expect(g.plan).toEqual({ x1: 158.3, y1: 250, x2: 700, y2: 18.5 });
		expect(g.forecast).toEqual({ x1: 375, y1: 180.6, x2: 700, y2: 64.8, value: 80 }); // 80 → 250 − 185,19
	});
	it('trend: nothing to draw without a figure; no forecast once the plan is over', () => {
		expect(trend(row('ocop', 'no_data', { series: [{ year: 2025, value: null }] }))).toBeNull();
		const g = trend(row('ocop', 'met', { forecast: 12, series: [{ year: 2024, value: 8 }, { year: 2025, value: 10 }] }))!;
		expect(g.forecast).toBeNull();
	});
});

describe('Thái Bình 2021–2025 on the default data (real DuckDB)', () => {
	let db: Db;
	beforeAll(async () => {
		({ db } = await openDataDir('data'));
	});
	afterAll(async () => db?.close());

	it('one slide per domain with targets, one per late target, title and closing', async () => {
		const unit = (await resolveUnit(db, '34@2024'))!;
		const card = await computeScorecard(db, { unit, year: 2026 });
		// Counted straight from the targets table, not through the scorecard.
		const [{ targets, domains }] = toRows<{ targets: number; domains: number }>(
			await db.query(`
SELECT count(*) AS targets, count(DISTINCT i.domain) AS domains
FROM targets t JOIN indicators i ON i.code = t.indicator
WHERE t.unit_code = '34' AND t.unit_vintage = '2024' AND t.plan = '2021-2025'`)
		);
		expect([targets, domains]).toEqual([11, 7]);

		const slides = buildSlides(card.rows, { plan: '2021-2025' });
		const title = slides[0] as TitleSlide;
		expect(title.total).toBe(targets);
		const late = slides.filter((s): s is LateSlide => s.kind === 'late');
		// every 2021–2025 target has been judged (target years 2024–2025 ≤ 2026), so late = not met
		expect(late.every((s) => s.row.status === 'not_met')).toBe(true);
		expect(title.late).toBe(title.counts!.not_met);
		expect(slides.filter((s) => s.kind === 'domain')).toHaveLength(domains);
		expect(slides).toHaveLength(1 + domains + late.length + 1);
		// 194 OCOP products against 150 is exceeded: on its domain slide, not among the late ones
		const ocop = slides.find((s): s is DomainSlide => s.kind === 'domain' && s.domain === 'ocop')!;
		expect(ocop.rows.find((r) => r.indicator === 'OC01')?.actual).toBe(194);
		expect(late.some((s) => s.row.indicator === 'OC01')).toBe(false);
		// certification marks: 10 granted against 12 → late
		expect(late.find((s) => s.row.indicator === 'SH02')?.row.actual).toBe(10);
	});
});
