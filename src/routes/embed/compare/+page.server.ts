import { readMeta } from '$lib/server/prebaked';

// Prerendered once, without a query string: the page reads its parameters in the browser.
export function load() {
	return { meta: readMeta() };
}
