/**
 * Numbers, percentages and dates as Vietnamese readers expect them (15.590; 0,65%;
 * 11/5/2022) and their English counterparts. Missing values print as an em dash so
 * a table never shows "null" or "NaN".
 */
import type { Lang } from './messages';

export const MISSING = '—';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${lang}|${JSON.stringify(options)}`;
	let f = cache.get(key);
	if (!f) {
		// 'negative' keeps a value that rounds to zero from printing as "-0".
		f = new Intl.NumberFormat(LOCALE[lang], { signDisplay: 'negative', ...options });
		cache.set(key, f);
	}
	return f;
}

const usable = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * `digits` fixes the number of decimals; without it up to two are shown, which is
 * enough for every indicator and keeps counts free of ",0".
 */
export function formatNumber(lang: Lang, x: number | null | undefined, digits?: number): string {
	if (!usable(x)) return MISSING;
	const options: Intl.NumberFormatOptions =
		digits === undefined
			? { maximumFractionDigits: 2 }
			: { minimumFractionDigits: digits, maximumFractionDigits: digits };
	return numberFormat(lang, options).format(x);
}

// Some ICU versions put a (narrow) no-break space before "%"; Vietnamese newspapers
// and the provincial reports write "129,3%".
const SPACE_BEFORE_PERCENT = /[\s\u00a0\u202f]+%/;

/** A ratio (1.293) as a percentage ("129,3%"). */
export function formatPercent(lang: Lang, ratio: number | null | undefined, digits = 1): string {
	if (!usable(ratio)) return MISSING;
	return numberFormat(lang, {
		style: 'percent',
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	})
		.format(ratio)
		.replace(SPACE_BEFORE_PERCENT, '%');
}

// Month names are spelled out here rather than taken from Intl: CLDR changed the
// en-GB abbreviation of September to "Sept", and server and browser can disagree.
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → "11/5/2022" (vi) or "11 May 2022" (en); anything else is shown as given. */
export function formatDate(lang: Lang, iso: string | null | undefined): string {
	if (!iso) return MISSING;
	const m = DATE_RE.exec(iso);
	if (!m) return iso;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (mo < 1 || mo > 12 || d < 1 || d > 31) return iso;
	return lang === 'vi' ? `${d}/${mo}/${y}` : `${d} ${MONTHS_EN[mo - 1]} ${y}`;
}

/** Units whose values are already percentages (0.65 means 0,65%). */
export function isPercentUnit(unit: string | null | undefined): boolean {
	if (!unit) return false;
	const u = unit.trim().toLowerCase();
	return u.startsWith('%') || u === 'percent' || u === 'phần trăm';
}

/**
 * An indicator value in its unit of measure. Percent-unit values carry the "%"
 * sign; other units are shown in their own column, so only the number is printed.
 */
export function formatValue(lang: Lang, value: number | null | undefined, unit: string | null | undefined): string {
	if (!usable(value)) return MISSING;
	const n = formatNumber(lang, value);
	return isPercentUnit(unit) ? `${n}%` : n;
}

/** A target as printed in plan documents: "150", or a range "120–140". */
export function formatTarget(lang: Lang, min: number | null | undefined, max?: number | null): string {
	if (!usable(min)) return MISSING;
	if (!usable(max) || max === min) return formatNumber(lang, min);
	return `${formatNumber(lang, min)}–${formatNumber(lang, max)}`;
}
