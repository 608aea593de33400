/**
 * Embed addresses and iframe code. Every parameter of an embed lives in its URL, so the
 * code an official copies today shows the same chart tomorrow (with tomorrow's data).
 * Pure: the UI adds the site's origin.
 */

export type EmbedParams = Record<string, string | number | null | undefined>;

/** '/embed/chart' + { kind: 'trend', indicator: 'OC01' } → '/embed/chart?kind=trend&indicator=OC01' (empty values left out). */
export function embedPath(path: string, params: EmbedParams): string {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
	const s = q.toString();
	return s ? `${path}?${s}` : path;
}

/** The path with some parameters set or replaced (theme, height chosen in the dialog). */
export function withEmbedParams(pathWithQuery: string, params: EmbedParams): string {
	const [path, query = ''] = pathWithQuery.split('?');
	const q = new URLSearchParams(query);
	for (const [k, v] of Object.entries(params)) {
		if (v === null || v === undefined || v === '') q.delete(k);
		else q.set(k, String(v));
	}
	const s = q.toString();
	return s ? `${path}?${s}` : path;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function iframeCode(o: { src: string; title: string; height: number }): string {
	return `<iframe src="${attr(o.src)}" width="100%" height="${Math.round(o.height)}" style="border:0" title="${attr(o.title)}" loading="lazy"></iframe>`;
}
