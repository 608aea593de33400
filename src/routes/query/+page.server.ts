import { readMeta } from '$lib/server/prebaked';

// Build time only (the site is static): units, years and dataset provenance for the header and notes.
export function load() {
	return { meta: readMeta() };
}
