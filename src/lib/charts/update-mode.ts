/**
 * How Chart.svelte hands a chart its next option. `notMerge` rebuilds every component,
 * and a rebuilt tooltip creates its HTML box and measures the page (a forced layout),
 * once per chart on every filter change. When the next option has the shape of the
 * previous one, the components are replaced (`replaceMerge`) and the rest is merged.
 *
 * What ECharts keeps when merging, and why the shape must match: a component matched by
 * its id, and every top-level key that is not a replaceable component (the tooltip,
 * aria, the text style…), is merged key by key — an object key absent from the new
 * option would survive from the old one; arrays are replaced whole. Components without
 * an id are made anew. So: the same top-level keys; per replaceable type, the same ids
 * in the same order (an id that moved would keep its old index, and its drawing order);
 * and for each merged part, the same object keys at every depth outside arrays.
 * Otherwise: `notMerge`.
 */
export type UpdateMode = { notMerge: true } | { replaceMerge: string[] };

type Option = Record<string, unknown>;

const isPlain = (v: unknown): v is Option => !!v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/** Object keys at every depth; arrays, functions and values are leaves (a merge replaces them whole). */
function keyShape(v: unknown): string {
	if (isPlain(v))
		return `{${Object.keys(v)
			.sort()
			.map((k) => `${k}:${keyShape(v[k])}`)
			.join(',')}}`;
	return Array.isArray(v) ? '[]' : '.';
}

const sameKeys = (a: Option, b: Option) => keyShape(Object.fromEntries(Object.keys(a).map((k) => [k, 0]))) === keyShape(Object.fromEntries(Object.keys(b).map((k) => [k, 0])));

const list = (v: unknown): Option[] => (Array.isArray(v) ? v : v == null ? [] : [v]).map((c) => (isPlain(c) ? c : {}));

/** Component types ECharts can replace (`replaceMerge` accepts nothing else), among those the charts use. */
const REPLACEABLE = new Set(['series', 'xAxis', 'yAxis', 'grid', 'legend', 'title', 'dataset', 'visualMap', 'dataZoom', 'graphic', 'polar', 'radiusAxis', 'angleAxis']);

function componentsMerge(previous: unknown, next: unknown): boolean {
	const a = list(previous);
	const b = list(next);
	if (a.length !== b.length) return false;
	return b.every((c, i) => (a[i].id ?? null) === (c.id ?? null) && (c.id == null || keyShape(a[i]) === keyShape(c)));
}

export function updateMode(previous: Option | null, next: Option): UpdateMode {
	if (!previous || !sameKeys(previous, next)) return { notMerge: true };
	for (const k of Object.keys(next)) {
		const ok = REPLACEABLE.has(k) ? componentsMerge(previous[k], next[k]) : keyShape(previous[k]) === keyShape(next[k]);
		if (!ok) return { notMerge: true };
	}
	return { replaceMerge: Object.keys(next).filter((k) => REPLACEABLE.has(k)) };
}
