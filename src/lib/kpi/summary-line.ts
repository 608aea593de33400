/**
 * The plain-language line a leader reads under each target, worded like the
 * provincial progress reports: "Đạt 129,3% kế hoạch năm 2025; vượt 44 sản phẩm".
 *
 * Pure: everything comes from a scorecard row, so the line can never disagree with
 * the numbers beside it. Percentages, differences and rates are those of the engine
 * (achievement, required_per_year), formatted by i18n/format.
 */
import { t, type Lang, type MessageKey } from '../i18n/messages';
import { formatNumber, formatPercent, formatTarget, isPercentUnit } from '../i18n/format';
import { commitment } from './semantics';
import type { ScorecardRow } from './scorecard';

export type SummaryInput = Pick<
	ScorecardRow,
	| 'kind'
	| 'direction'
	| 'target_year'
	| 'target_min'
	| 'target_max'
	| 'actual'
	| 'achievement'
	| 'required_per_year'
	| 'final'
	| 'measure_vi'
	| 'measure_en'
>;

// Differences are shown to two decimals at most; anything smaller reads as "equal".
const round2 = (x: number) => Math.round(x * 100) / 100;

/** English measures are plural nouns; "1 products" would read badly. */
function singular(measure: string): string {
	return /s$/.test(measure) && !/VND$/.test(measure) ? measure.slice(0, -1) : measure;
}

function words(row: SummaryInput, lang: Lang) {
	const measure = lang === 'vi' ? row.measure_vi : row.measure_en;
	const percent = isPercentUnit(row.measure_vi);
	/** A difference or a rate and its unit apart ("19,5", "dự án"): English puts words between them. */
	const parts = (x: number, digits?: number) => {
		const n = formatNumber(lang, Math.abs(x), digits);
		const unit = percent ? t(lang, 'meeting.sum.points') : measure;
		return { n, measure: lang === 'en' && n === '1' ? singular(unit) : unit };
	};
	/** "44 sản phẩm", "6,23 điểm phần trăm". */
	const amount = (x: number) => {
		const p = parts(x);
		return `${p.n} ${p.measure}`;
	};
	/** A target as written in the plan: "150 sản phẩm", "120–140 sản phẩm", "2%". */
	const target = (min: number, max: number | null = null) => {
		const n = formatTarget(lang, min, max);
		if (percent) return `${n}%`;
		return `${n} ${lang === 'en' && max == null && n === '1' ? singular(measure) : measure}`;
	};
	return { parts, amount, target };
}

export function summaryLine(row: SummaryInput, lang: Lang, evalYear: number): string {
	const line = (key: MessageKey, params: Record<string, string | number>) => t(lang, key, params);
	const year = row.target_year;
	if (row.actual == null) return line('meeting.sum.noData', { year: row.final ? year : Math.min(evalYear, year) });

	const actual = row.actual;
	const { parts, amount, target } = words(row, lang);
	const pct = formatPercent(lang, row.achievement);
	// Rates follow the scorecard's "cần 18,7/năm": one decimal.
	const rate = (x: number) => {
		const p = parts(x, 1);
		return { rate: `${p.n} ${p.measure}`, n: p.n, measure: p.measure };
	};

	if (row.kind === 'milestone') {
		const done = actual >= 1;
		if (row.final) return line(done ? 'meeting.sum.milestoneDone' : 'meeting.sum.milestoneMissed', { year });
		return line(done ? 'meeting.sum.milestoneEarly' : 'meeting.sum.milestonePending', { year });
	}

	if (row.direction === 'down') {
		const ceiling = commitment({ direction: 'down', targetMin: row.target_min, targetMax: row.target_max });
		const diff = round2(actual - ceiling);
		const params = { year, target: target(ceiling), diff: amount(diff) };
		if (row.final) {
			if (diff < 0) return line('meeting.sum.ceilingBelow', params);
			if (diff === 0) return line('meeting.sum.ceilingAt', params);
			return line('meeting.sum.ceilingAbove', params);
		}
		if (diff <= 0 || row.required_per_year == null) return line('meeting.sum.ceilingWithin', params);
		return line('meeting.sum.ceilingCut', { ...params, ...rate(row.required_per_year) });
	}

	const lo = row.target_min;
	const hi = row.target_max ?? row.target_min;
	const range = row.target_max != null && row.target_max !== row.target_min;

	if (row.direction === 'none') {
		// No better side: the line says where the figure sits, not whether that is good.
		const params = { year, target: target(lo, row.target_max) };
		if (round2(actual - hi) > 0) return line('meeting.sum.noneAbove', { ...params, diff: amount(actual - hi) });
		if (round2(lo - actual) > 0) return line('meeting.sum.noneBelow', { ...params, diff: amount(lo - actual) });
		return range ? line('meeting.sum.rangeIn', { range: target(lo, hi) }) : line('meeting.sum.noneIn', params);
	}

	// Direction up. A range promises its lower bound; above or inside it the report
	// names the range itself.
	const diff = round2(actual - lo);
	if (row.final) {
		if (range && round2(actual - hi) > 0) return line('meeting.sum.rangeAbove', { range: target(lo, hi) });
		if (range && diff >= 0) return line('meeting.sum.rangeIn', { range: target(lo, hi) });
		if (diff > 0) return line('meeting.sum.finalAbove', { pct, year, diff: amount(diff) });
		if (diff === 0) return line('meeting.sum.finalEqual', { pct, year });
		return line('meeting.sum.finalShort', { pct, year, diff: amount(diff) });
	}
	if (diff > 0) return line('meeting.sum.beforeReached', { pct, year, diff: amount(diff) });
	if (diff === 0) return line('meeting.sum.beforeEqual', { pct, year });
	if (row.required_per_year == null) return line('meeting.sum.beforeShortNoRate', { pct, year, diff: amount(diff) });
	return line('meeting.sum.beforeShort', { pct, year, ...rate(row.required_per_year) });
}

type FigureInput = Pick<ScorecardRow, 'kind' | 'actual' | 'target_min' | 'target_max' | 'measure_vi' | 'measure_en'>;

/** An actual as the slides print it, unit included: "194 sản phẩm", "85,77%", "Đã đạt mốc". */
export function actualText(row: FigureInput, lang: Lang): string {
	if (row.actual == null) return formatNumber(lang, null);
	if (row.kind === 'milestone') return t(lang, row.actual >= 1 ? 'ui.milestoneDone' : 'ui.milestonePending');
	return figure(row, lang, formatNumber(lang, row.actual));
}

/** A target as the plan states it: "150 sản phẩm", "120–140 sản phẩm", "2%". */
export function targetText(row: FigureInput, lang: Lang): string {
	if (row.kind === 'milestone') return t(lang, 'ui.milestoneDone');
	return figure(row, lang, formatTarget(lang, row.target_min, row.target_max));
}

function figure(row: FigureInput, lang: Lang, n: string): string {
	if (isPercentUnit(row.measure_vi)) return `${n}%`;
	const measure = lang === 'vi' ? row.measure_vi : row.measure_en;
	return `${n} ${lang === 'en' && n === '1' ? singular(measure) : measure}`;
}
