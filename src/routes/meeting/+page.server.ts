import { readMeta, readPrebaked } from '$lib/server/prebaked';

// Runs only at build time (the site is static): the default unit's scorecard goes into the
// HTML, so the title slide has its numbers before DuckDB-WASM is live.
export function load() {
	const meta = readMeta();
	return { meta, scorecard: readPrebaked().scorecards[meta.default_unit] ?? null };
}
