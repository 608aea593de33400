import { error } from '@sveltejs/kit';
import { readMeta, readPrebaked } from '$lib/server/prebaked';
import type { ScorecardRow } from '$lib/kpi/scorecard';
import type { EntryGenerator, PageServerLoad } from './$types';

// Every indicator of the catalogue gets a page at build time; unknown codes do not exist.
export const entries: EntryGenerator = () => readMeta().indicators.map((i) => ({ code: i.code }));

export const load: PageServerLoad = ({ params }) => {
	const meta = readMeta();
	const code = params.code;
	if (!meta.indicators.some((i) => i.code === code)) error(404, `Unknown indicator ${code}`);
	// The prebaked scorecards' rows of this indicator (every unit, the default year): the
	// targets show with their numbers before DuckDB has started.
	const prebaked: Record<string, ScorecardRow[]> = {};
	for (const [unit, card] of Object.entries(readPrebaked().scorecards)) {
		const rows = card.rows.filter((r) => r.indicator === code);
		if (rows.length) prebaked[unit] = rows;
	}
	return { meta, code, prebaked };
};
