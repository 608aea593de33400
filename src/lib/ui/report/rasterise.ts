/**
 * The report's charts as PNG in the browser, for the DOCX: the same SVG as on the page
 * (ECharts SSR of the captioned option), drawn on a canvas at print resolution.
 *
 * An SVG drawn as an image cannot reach the page's web fonts, so the Be Vietnam Pro
 * files (the same @fontsource files the page uses, per subset and weight) are inlined
 * as data: URLs in the SVG; without them the canvas would fall back to a system font.
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

// Unicode ranges of @fontsource/be-vietnam-pro's subsets (its 400.css).
const RANGE = {
	vi: 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
	ext: 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
	lat: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD'
};
const FACES: { url: string; weight: number; range: string }[] = [
	{ url: vi400, weight: 400, range: RANGE.vi },
	{ url: vi600, weight: 600, range: RANGE.vi },
	{ url: vi700, weight: 700, range: RANGE.vi },
	{ url: ext400, weight: 400, range: RANGE.ext },
	{ url: ext600, weight: 600, range: RANGE.ext },
	{ url: ext700, weight: 700, range: RANGE.ext },
	{ url: lat400, weight: 400, range: RANGE.lat },
	{ url: lat600, weight: 600, range: RANGE.lat },
	{ url: lat700, weight: 700, range: RANGE.lat }
];

function base64(bytes: Uint8Array): string {
	let s = '';
	for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(s);
}

let css: Promise<string> | null = null;
function fontCss(): Promise<string> {
	css ??= Promise.all(
		FACES.map(async (f) => {
			const bytes = new Uint8Array(await (await fetch(f.url)).arrayBuffer());
			// Decoded once by the document too: the image's copy then loads from memory.
			await new FontFace('Be Vietnam Pro', bytes, { weight: String(f.weight), unicodeRange: f.range }).load();
			return `@font-face{font-family:'Be Vietnam Pro';font-style:normal;font-weight:${f.weight};unicode-range:${f.range};src:url(data:font/woff2;base64,${base64(bytes)}) format('woff2');}`;
		})
	).then((faces) => faces.join(''));
	return css;
}

const frame = () => new Promise((ok) => requestAnimationFrame(() => ok(null)));
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** PNG bytes of an SVG drawn `width` × `height`, scaled to at least `minWidth` px (A4 column at 300 dpi). */
export async function svgToPng(svg: string, width: number, height: number, minWidth = 1890): Promise<Uint8Array> {
	const withFonts = svg.replace(/(<svg[^>]*>)/, `$1<defs><style>${await fontCss()}</style></defs>`);
	const url = URL.createObjectURL(new Blob([withFonts], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		// An SVG image loads its fonts after it decodes; text drawn before they are ready
		// is invisible. A first draw starts them, the second one, a moment later, is kept.
		const scratch = document.createElement('canvas');
		scratch.width = width;
		scratch.height = height;
		scratch.getContext('2d')!.drawImage(img, 0, 0);
		await frame();
		await sleep(60);
		const scale = Math.max(1, minWidth / width);
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const ctx = canvas.getContext('2d')!;
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		const blob = await new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('canvas.toBlob'))), 'image/png'));
		return new Uint8Array(await blob.arrayBuffer());
	} finally {
		URL.revokeObjectURL(url);
	}
}
