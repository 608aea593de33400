/**
 * The comparison's own filters in the URL, next to the shared unit/year/lang:
 * `indicator` (default OC01), `view` (old | new; default by year) and `per`
 * (commune; only for indicators that can be normalised). Defaults stay out of the URL.
 */
import type { IndicatorRow } from '$lib/kpi/series';
import { canNormalise, defaultView, type CompareView, type Normalisation } from '$lib/kpi/compare';

export const DEFAULT_INDICATOR = 'OC01';

export interface CompareFilters {
	indicator: string;
	view: CompareView;
	per: Normalisation;
}

/** Indicators a province comparison makes sense for (a milestone is done or not, per province, on the scorecard). */
export const comparable = (indicators: IndicatorRow[]) => indicators.filter((i) => i.kind !== 'milestone');

export function readCompare(url: URL, year: number, indicators: IndicatorRow[]): CompareFilters {
	const p = url.searchParams;
	const list = comparable(indicators);
	const ind = list.find((i) => i.code === p.get('indicator')) ?? list.find((i) => i.code === DEFAULT_INDICATOR) ?? list[0];
	const view = p.get('view');
	return {
		indicator: ind.code,
		view: view === 'old' || view === 'new' ? view : defaultView(year),
		per: p.get('per') === 'commune' && canNormalise(ind) ? 'commune' : 'none'
	};
}

/** Extra query parameters for filterQuery(); null leaves a default out. */
export function compareParams(c: CompareFilters, year: number): Record<string, string | null> {
	return {
		indicator: c.indicator === DEFAULT_INDICATOR ? null : c.indicator,
		view: c.view === defaultView(year) ? null : c.view,
		per: c.per === 'none' ? null : c.per
	};
}
