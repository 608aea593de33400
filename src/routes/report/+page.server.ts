import { readMeta } from '$lib/server/prebaked';

// Runs only at build time (the site is static): the catalogue for the filters. The
// report itself is computed in the browser, for the unit and plan in the URL.
export function load() {
	return { meta: readMeta() };
}
