/**
 * The page declares two subsets of Be Vietnam Pro (src/lib/ui/fonts.css); exports carry
 * three (src/lib/ui/fonts.ts). Both copy @fontsource's Unicode ranges, checked here
 * against its own CSS, and the page's two must hold every Vietnamese letter.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FACES, RANGES } from '../../src/lib/ui/fonts';

const require = createRequire(import.meta.url);
const fontsource = dirname(require.resolve('@fontsource/be-vietnam-pro/400.css'));

type Rule = { subset: string; weight: number; file: string; range: string };
const norm = (range: string) => range.replace(/\s+/g, '');

function rules(css: string): Rule[] {
	return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body]) => {
		const file = /be-vietnam-pro-([a-z-]+)-(\d+)-normal\.woff2/.exec(body)!;
		return { subset: file[1], weight: Number(file[2]), file: file[0], range: norm(/unicode-range:\s*([^;]+);/.exec(body)![1]) };
	});
}

/** Every code point a comma-separated list of U+XXXX and U+XXXX-YYYY covers. */
function covers(range: string, cp: number): boolean {
	return range.split(',').some((part) => {
		const [lo, hi] = part.replace(/^U\+/, '').split('-').map((h) => parseInt(h.replace(/^U\+/, ''), 16));
		return cp >= lo && cp <= (hi ?? lo);
	});
}

const published = ['400', '600', '700'].flatMap((w) => rules(readFileSync(join(fontsource, `${w}.css`), 'utf8')));
const page = rules(readFileSync('src/lib/ui/fonts.css', 'utf8'));

// Vietnamese letters: the base letters with each of the five tone marks and none, both
// cases, in NFC (precomposed where Unicode has it), plus the đồng sign.
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const BASES = 'aăâeêioôơuưy'.split('');
const VIETNAMESE = [
	...BASES.flatMap((b) => TONES.flatMap((t) => [(b + t).normalize('NFC'), (b.toUpperCase() + t).normalize('NFC')])),
	'đ',
	'Đ',
	'₫'
];

describe('Be Vietnam Pro faces', () => {
	test("fonts.ts copies @fontsource's ranges, subset by subset", () => {
		expect(published).toHaveLength(9);
		for (const r of published) expect(norm(RANGES[r.subset as keyof typeof RANGES]), r.file).toBe(r.range);
		expect(FACES.map((f) => `${f.subset}-${f.weight}`).sort()).toEqual(published.map((r) => `${r.subset}-${r.weight}`).sort());
	});

	test('the page declares the Latin and Vietnamese subsets in three weights, with their ranges and files', () => {
		expect(page.map((r) => `${r.subset}-${r.weight}`).sort()).toEqual(
			['latin', 'vietnamese'].flatMap((s) => [400, 600, 700].map((w) => `${s}-${w}`)).sort()
		);
		for (const r of page) {
			expect(r.range, r.file).toBe(published.find((p) => p.file === r.file)!.range);
			expect(existsSync(join(fontsource, 'files', r.file)), r.file).toBe(true);
		}
	});

	test("every Vietnamese letter is in the page's subsets, for every weight", () => {
		expect(VIETNAMESE.length).toBe(12 * 6 * 2 + 3);
		for (const weight of [400, 600, 700]) {
			const ranges = page.filter((r) => r.weight === weight).map((r) => r.range);
			const missing = VIETNAMESE.filter((ch) => ![...ch].every((c) => ranges.some((r) => covers(r, c.codePointAt(0)!))));
			expect(missing, `weight ${weight}`).toEqual([]);
		}
	});

	test('a letter of another language is outside them (the check above can fail)', () => {
		const ranges = page.map((r) => r.range);
		expect(['ő', 'ł', 'ș'].filter((ch) => ranges.some((r) => covers(r, ch.codePointAt(0)!)))).toEqual([]);
	});
});
