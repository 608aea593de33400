import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { join } from 'node:path';
import { readMeta, staticDir } from '$lib/server/prebaked';
import { nameTiles, type TileGrid } from '$lib/charts/province-tiles';

// Build time only (the site is static): the tile layout gets its province names from
// the same units file the browser loads, so the map is drawn before DuckDB starts.
function tileGrid(): TileGrid {
	const units = tableFromIPC(readFileSync(join(staticDir(), 'data', 'units.arrow')))
		.toArray()
		.map((r) => r.toJSON() as { code: string; vintage: string; level: string; name_vi: string; name_en: string; successor_code: string | null });
	return nameTiles(units);
}

export function load() {
	return { meta: readMeta(), grid: tileGrid() };
}
