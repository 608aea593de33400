import { readMeta } from '$lib/server/prebaked';

// Runs only at build time (the site is static): units, years and dataset titles for the page.
export function load() {
	return { meta: readMeta() };
}
