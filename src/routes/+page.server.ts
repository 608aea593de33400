import { readPrebaked } from '$lib/server/prebaked';

// Runs only at build time (the site is static): the default view's numbers go into the HTML.
export function load() {
	const { scorecards, ...meta } = readPrebaked();
	return { meta, scorecard: scorecards[meta.default_unit] ?? null };
}
