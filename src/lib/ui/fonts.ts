/**
 * Be Vietnam Pro, the dashboard's typeface: the @fontsource files per subset and weight,
 * with the subsets' Unicode ranges (from @fontsource/be-vietnam-pro's 400.css), for
 * images made for export (report/rasterise.ts): they leave the page, so they carry all
 * three subsets. The page itself declares two of them (fonts.css, which says why).
 */
import vi400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff2?url';
import vi600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-600-normal.woff2?url';
import vi700 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-700-normal.woff2?url';
import ext400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-400-normal.woff2?url';
import ext600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-600-normal.woff2?url';
import ext700 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-700-normal.woff2?url';
import lat400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff2?url';
import lat600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-600-normal.woff2?url';
import lat700 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-700-normal.woff2?url';

export const RANGES = {
	vietnamese:
		'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
	'latin-ext':
		'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
	latin:
		'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD'
} as const;

export interface Face {
	subset: keyof typeof RANGES;
	weight: 400 | 600 | 700;
	url: string;
	range: string;
}

const face = (subset: Face['subset'], weight: Face['weight'], url: string): Face => ({ subset, weight, url, range: RANGES[subset] });

/** In @fontsource's order: where ranges overlap, the face declared last wins. */
export const FACES: Face[] = [
	face('vietnamese', 400, vi400),
	face('vietnamese', 600, vi600),
	face('vietnamese', 700, vi700),
	face('latin-ext', 400, ext400),
	face('latin-ext', 600, ext600),
	face('latin-ext', 700, ext700),
	face('latin', 400, lat400),
	face('latin', 600, lat600),
	face('latin', 700, lat700)
];
