/**
 * A hand-made tile grid of Vietnam: one square per province, placed so the country's
 * S-shape reads at a glance (north at the top, the coast on the right, the Mekong delta
 * at the bottom left). Tiles trade exact borders for equal weight: a small province is
 * as visible as a large one, and no external map tiles or GeoJSON are needed.
 *
 * Each layout is drawn as text — one cell per column, `.` for sea or neighbouring
 * countries — so a change is easy to see in review. Codes are the GSO province codes
 * of `data/units.csv`; tests/charts/grid-map.test.ts checks that every province of each
 * system has exactly one tile.
 */

export type TileVintage = '2024' | '2025';

export interface TilePosition {
	code: string;
	row: number;
	col: number;
	/** Short label printed on the tile (the full name comes from the units table). */
	abbr: string;
}

/** 63 provinces until 2025-06-30 (vintage 2024). */
const OLD_LAYOUT = `
.  .  .  12 10 02 04 .  .
.  .  11 14 15 08 06 20 .
.  .  .  17 25 26 19 24 22
.  .  .  38 01 27 30 31 .
.  .  .  40 35 33 34 .  .
.  .  .  42 37 36 .  .  .
.  .  .  .  44 .  .  .  .
.  .  .  .  45 .  .  .  .
.  .  .  .  46 48 .  .  .
.  .  .  .  .  49 .  .  .
.  .  .  .  62 51 .  .  .
.  .  .  .  64 52 .  .  .
.  .  .  .  66 54 .  .  .
.  .  .  67 68 56 .  .  .
.  .  .  70 75 58 .  .  .
.  .  72 74 77 60 .  .  .
.  87 80 79 .  .  .  .  .
89 92 82 83 .  .  .  .  .
91 93 86 84 .  .  .  .  .
96 95 94 .  .  .  .  .  .
`;

/** 34 provinces from 2025-07-01 (vintage 2025, NQ 202/2025/QH15). */
const NEW_LAYOUT = `
.  .  12 15 08 04
.  11 14 25 19 20
.  .  38 01 24 22
.  .  40 37 33 31
.  .  .  42 .  .
.  .  .  44 .  .
.  .  .  46 48 .
.  .  .  .  51 .
.  .  .  .  52 .
.  .  .  .  66 .
.  .  .  68 56 .
.  .  80 75 .  .
.  91 82 79 .  .
.  92 86 .  .  .
.  96 .  .  .  .
`;

/** Labels as Vietnamese readers abbreviate province names; unique within each system. */
const OLD_ABBR: Record<string, string> = {
	'01': 'HN', '02': 'HG', '04': 'CB', '06': 'BK', '08': 'TQ', '10': 'LC', '11': 'ĐB', '12': 'LCh',
	'14': 'SL', '15': 'YB', '17': 'HB', '19': 'TN', '20': 'LS', '22': 'QN', '24': 'BG', '25': 'PT',
	'26': 'VP', '27': 'BN', '30': 'HD', '31': 'HP', '33': 'HY', '34': 'TB', '35': 'HNa', '36': 'NĐ',
	'37': 'NB', '38': 'TH', '40': 'NA', '42': 'HT', '44': 'QB', '45': 'QT', '46': 'Huế', '48': 'ĐN',
	'49': 'QNa', '51': 'QNg', '52': 'BĐ', '54': 'PY', '56': 'KH', '58': 'NT', '60': 'BTh', '62': 'KT',
	'64': 'GL', '66': 'ĐL', '67': 'ĐNo', '68': 'LĐ', '70': 'BP', '72': 'TNi', '74': 'BD', '75': 'ĐNa',
	'77': 'VT', '79': 'HCM', '80': 'LA', '82': 'TG', '83': 'BT', '84': 'TV', '86': 'VL', '87': 'ĐT',
	'89': 'AG', '91': 'KG', '92': 'CT', '93': 'HGi', '94': 'ST', '95': 'BL', '96': 'CM'
};

const NEW_ABBR: Record<string, string> = {
	'01': 'HN', '04': 'CB', '08': 'TQ', '11': 'ĐB', '12': 'LCh', '14': 'SL', '15': 'LC', '19': 'TN',
	'20': 'LS', '22': 'QN', '24': 'BN', '25': 'PT', '31': 'HP', '33': 'HY', '37': 'NB', '38': 'TH',
	'40': 'NA', '42': 'HT', '44': 'QT', '46': 'Huế', '48': 'ĐN', '51': 'QNg', '52': 'GL', '56': 'KH',
	'66': 'ĐL', '68': 'LĐ', '75': 'ĐNa', '79': 'HCM', '80': 'TNi', '82': 'ĐT', '86': 'VL', '91': 'AG',
	'92': 'CT', '96': 'CM'
};

/** Reads a text layout into tile positions; throws on a code without a label. */
export function parseLayout(layout: string, abbr: Record<string, string>): TilePosition[] {
	const tiles: TilePosition[] = [];
	layout
		.split('\n')
		.filter((line) => line.trim() !== '')
		.forEach((line, row) => {
			line.trim()
				.split(/\s+/)
				.forEach((cell, col) => {
					if (cell === '.') return;
					const label = abbr[cell];
					if (!label) throw new Error(`province-tiles: no label for code ${cell}`);
					tiles.push({ code: cell, row, col, abbr: label });
				});
		});
	return tiles;
}

export const PROVINCE_TILES: Record<TileVintage, TilePosition[]> = {
	'2024': parseLayout(OLD_LAYOUT, OLD_ABBR),
	'2025': parseLayout(NEW_LAYOUT, NEW_ABBR)
};

/** A tile with the province's names, as the page receives it. */
export interface NamedTile extends TilePosition {
	name_vi: string;
	name_en: string;
	successor_code: string | null;
}

export type TileGrid = Record<TileVintage, NamedTile[]>;

/**
 * Joins the layouts with the units table. A layout code missing from the units
 * (a replaced units file) still gets its tile, labelled with its abbreviation.
 */
export function nameTiles(
	units: { code: string; vintage: string; level: string; name_vi: string; name_en: string; successor_code: string | null }[]
): TileGrid {
	const named = (vintage: TileVintage): NamedTile[] =>
		PROVINCE_TILES[vintage].map((t) => {
			const u = units.find((x) => x.level === 'province' && x.vintage === vintage && x.code === t.code);
			return { ...t, name_vi: u?.name_vi ?? t.abbr, name_en: u?.name_en ?? t.abbr, successor_code: u?.successor_code ?? null };
		});
	return { '2024': named('2024'), '2025': named('2025') };
}
