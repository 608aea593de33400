/**
 * The report's charts as PNG in the browser, for the DOCX: the same SVG as on the page
 * (ECharts SSR of the captioned option), drawn on a canvas at print resolution.
 *
 * An SVG drawn as an image cannot reach the page's web fonts, so the Be Vietnam Pro
 * files (all three @fontsource subsets per weight, ui/fonts.ts) are inlined
 * as data: URLs in the SVG; without them the canvas would fall back to a system font.
 */
import { FACES } from '../fonts';

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
