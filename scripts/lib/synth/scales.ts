/**
 * Row counts per scale. "national" is the whole country at a plausible size (every
 * province, every OCOP product); "1m" and "10m" put one and ten million rows in the
 * big record tables (S&T firms, IP filings, S&T tasks, startup projects), on top of
 * the national OCOP and budget tables, to find where the dashboard stops being fast.
 */
export const SCALES = ['national', '1m', '10m'] as const;
export type Scale = (typeof SCALES)[number];

export interface ScaleCounts {
	/** OCOP products; each has one to three certificates (re-ratings every 36 months). */
	ocopProducts: number;
	startups: number;
	stFirms: number;
	stTasks: number;
	ipTitles: number;
}

const NATIONAL: ScaleCounts = { ocopProducts: 17_000, startups: 8_000, stFirms: 1_500, stTasks: 12_000, ipTitles: 30_000 };

/** Shares of the big tables in the "N million rows" scales (sum = 1). */
const BIG = { stFirms: 0.3, ipTitles: 0.3, stTasks: 0.2, startups: 0.2 };

export function countsFor(scale: Scale): ScaleCounts {
	if (scale === 'national') return NATIONAL;
	const total = scale === '1m' ? 1_000_000 : 10_000_000;
	return {
		ocopProducts: NATIONAL.ocopProducts,
		startups: Math.round(total * BIG.startups),
		stFirms: Math.round(total * BIG.stFirms),
		stTasks: Math.round(total * BIG.stTasks),
		ipTitles: Math.round(total * BIG.ipTitles)
	};
}

/** Big-table rows of a scale: what "1m" and "10m" count. */
export const bigRows = (c: ScaleCounts) => c.startups + c.stFirms + c.stTasks + c.ipTitles;
