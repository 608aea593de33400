/**
 * How Chart.svelte hands a chart its next option. `notMerge` rebuilds every component,
 * and a rebuilt tooltip creates its HTML box and reads the page's layout (offsetLeft),
 * forcing the browser to lay out the whole page once per chart on every filter change.
 * When the next option has the same top-level keys and the same series (by id, in order)
 * as the previous one, and each key that
 * is not a replaceable component (the tooltip, aria, colours, text style…) has the same
 * keys at every depth, the components are replaced (`replaceMerge`) and the rest is
 * merged: each of its keys is given again, so nothing of the previous option survives
 * but the tooltip's box. Otherwise: `notMerge`.
 */
export type UpdateMode = { notMerge: true } | { replaceMerge: string[] };

type Option = Record<string, unknown>;

/** Keys at every depth, values ignored (functions and numbers alike). */
function shape(v: unknown): unknown {
	if (Array.isArray(v)) return v.map(shape);
	if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
		return Object.fromEntries(Object.keys(v).sort().map((k) => [k, shape((v as Option)[k])]));
	return typeof v === 'object' && v !== null ? 'object' : typeof v === 'function' ? 'function' : 'value';
}

const sameKeys = (a: Option, b: Option) => {
	const ka = Object.keys(a).sort();
	const kb = Object.keys(b).sort();
	return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
};

/** Component types ECharts can replace (`replaceMerge` accepts nothing else), among those the charts use. */
const REPLACEABLE = new Set(['series', 'xAxis', 'yAxis', 'grid', 'legend', 'title', 'dataset', 'visualMap', 'dataZoom', 'graphic', 'polar', 'radiusAxis', 'angleAxis']);

/** The series' ids in order: merged series keep their index, so the order must not change. */
const seriesIds = (o: Option) => JSON.stringify((Array.isArray(o.series) ? o.series : [o.series]).map((s, i) => (s as Option | undefined)?.id ?? i));

export function updateMode(previous: Option | null, next: Option): UpdateMode {
	if (!previous || !sameKeys(previous, next) || seriesIds(previous) !== seriesIds(next)) return { notMerge: true };
	const merged = Object.keys(next).filter((k) => !REPLACEABLE.has(k));
	if (merged.some((k) => JSON.stringify(shape(previous[k])) !== JSON.stringify(shape(next[k])))) return { notMerge: true };
	return { replaceMerge: Object.keys(next).filter((k) => REPLACEABLE.has(k)) };
}

