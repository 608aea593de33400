/**
 * Reading one cell the way a Vietnamese reader means it, for a column of known type.
 * Pure functions; each says what it did (a `Change`) so the report can list every
 * normalisation. A value that cannot be read unambiguously is returned unchanged:
 * validation then reports it, which is better than a silent guess.
 */
import { plainNumber } from './cells';
import { modernTone } from './text';

export type ChangeKind =
	| 'thousands'
	| 'decimal_comma'
	| 'date_dmy'
	| 'date_serial'
	| 'date_time'
	| 'date_words'
	| 'value_label'
	| 'province_name'
	| 'code_padded'
	| 'boolean_label'
	| 'suffix'
	/** Not a change: the value reads two ways and is left for the user to fix. */
	| 'ambiguous_number';

export interface Read {
	text: string;
	change: ChangeKind | null;
}

const same = (text: string): Read => ({ text, change: null });

// ---------- numbers ----------

/**
 * How a column writes its numbers. Vietnamese: "15.590" and "1.250,75"; English:
 * "15,590" and "1,250.75". Decided once per column from the values that can only be
 * read one way ("0,65", "1.234.567", "0.65"); with no such value the Vietnamese
 * convention is assumed, since these files come from Vietnamese offices.
 */
export type NumberStyle = 'vi' | 'en' | 'mixed';

const VI_ONLY = [/^[+-]?\d+,\d{1,2}$/, /^[+-]?\d+,\d{4,}$/, /^[+-]?\d{1,3}(\.\d{3}){2,}(,\d+)?$/, /^[+-]?\d{1,3}(\.\d{3})+,\d+$/, /^[+-]?0,\d+$/];
const EN_ONLY = [/^[+-]?\d+\.\d{1,2}$/, /^[+-]?\d+\.\d{4,}$/, /^[+-]?\d{1,3}(,\d{3}){2,}(\.\d+)?$/, /^[+-]?\d{1,3}(,\d{3})+\.\d+$/, /^[+-]?0\.\d+$/];

export function numberStyle(texts: Iterable<string>): NumberStyle {
	let vi = false;
	let en = false;
	for (const raw of texts) {
		const t = compact(raw);
		if (VI_ONLY.some((re) => re.test(t))) vi = true;
		if (EN_ONLY.some((re) => re.test(t))) en = true;
	}
	return vi && en ? 'mixed' : en ? 'en' : 'vi';
}

/** Spaces used as thousands separators (including no-break spaces) removed. */
function compact(t: string): string {
	return t.trim().replace(/(\d)[\s\u00a0\u202f](?=\d{3}(\D|$))/g, '$1');
}

const DOT_GROUPS = /^[+-]?\d{1,3}(\.\d{3})+$/;
const COMMA_GROUPS = /^[+-]?\d{1,3}(,\d{3})+$/;
const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A number typed as text, in the column's style. Integer columns cannot hold a
 * fraction, so there "15.590" and "15,590" are both fifteen thousand.
 */
export function readNumber(raw: string, style: NumberStyle, integer: boolean): Read {
	const t = compact(raw);
	const spaced = t !== raw.trim();
	if (/^[+-]?\d+$/.test(t)) return { text: t, change: spaced ? 'thousands' : null };
	if (integer) {
		if (DOT_GROUPS.test(t) || COMMA_GROUPS.test(t)) return { text: t.replace(/[.,]/g, ''), change: 'thousands' };
		return same(raw);
	}
	const vi = (s: string): Read | null => {
		// 1.234.567 | 1.234,5 | 1234,5 | 15.590
		let m = /^([+-]?\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(s);
		if (m) return { text: m[1].replace(/\./g, '') + (m[2] ? `.${m[2]}` : ''), change: 'thousands' };
		m = /^([+-]?\d+),(\d+)$/.exec(s);
		if (m) return { text: `${m[1]}.${m[2]}`, change: 'decimal_comma' };
		return null;
	};
	const en = (s: string): Read | null => {
		const m = /^([+-]?\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(s);
		if (m) return { text: m[1].replace(/,/g, '') + (m[2] ? `.${m[2]}` : ''), change: 'thousands' };
		if (PLAIN.test(s)) return { text: s, change: spaced ? 'thousands' : null };
		return null;
	};
	if (style === 'vi') return vi(t) ?? (PLAIN.test(t) && !/\./.test(t) ? { text: t, change: null } : same(raw));
	if (style === 'en') return en(t) ?? same(raw);
	// Mixed column: only values that read one way are converted.
	if (VI_ONLY.some((re) => re.test(t))) return vi(t) ?? same(raw);
	if (EN_ONLY.some((re) => re.test(t))) return en(t) ?? same(raw);
	return /[.,]/.test(t) ? { text: raw, change: 'ambiguous_number' } : same(raw);
}

/** A number stored by an application, for a number column. */
export function storedNumber(v: number): Read {
	return { text: plainNumber(v), change: null };
}

/** "4 sao" → "4" for columns that have a known unit word. */
export function stripSuffix(raw: string, suffixes: readonly string[]): Read {
	const t = raw.trim();
	const m = /^([+-]?[\d.,]+)\s*(\S.*)$/.exec(t);
	if (m && suffixes.some((s) => s.toLowerCase() === m[2].toLowerCase())) return { text: m[1], change: 'suffix' };
	return same(raw);
}

// ---------- dates ----------

// Serial day numbers that can be dates in a date column (1954–2119), as the loader.
export const SERIAL_MIN = 20_000;
export const SERIAL_MAX = 80_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel's serial day number → ISO date (1900 system with its phantom 29/2/1900, or 1904). */
export function serialToIso(serial: number, date1904 = false): string {
	const days = Math.floor(serial);
	const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
	const d = new Date(epoch + days * 86_400_000);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function validDate(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1) return false;
	const dt = new Date(Date.UTC(y, m - 1, d));
	return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && y >= 1900 && y <= 2200;
}

const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/**
 * A date typed as text. Vietnamese order is day/month/year ("11/5/2022" is 11 May);
 * "ngày 11 tháng 5 năm 2022" is read too. Two-digit years are not guessed.
 */
export function readDate(raw: string): Read {
	const t = raw.trim();
	let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?Z?)?$/.exec(t);
	if (m) {
		if (!m[4]) return same(raw);
		return { text: `${m[1]}-${m[2]}-${m[3]}`, change: 'date_time' };
	}
	m = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
	if (m) {
		const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
		return validDate(y, mo, d) ? { text: iso(y, mo, d), change: 'date_dmy' } : same(raw);
	}
	m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(t);
	if (m) {
		const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
		return validDate(y, mo, d) ? { text: iso(y, mo, d), change: 'date_dmy' } : same(raw);
	}
	m = /^ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$/i.exec(t.normalize('NFC'));
	if (m) {
		const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
		return validDate(y, mo, d) ? { text: iso(y, mo, d), change: 'date_words' } : same(raw);
	}
	// Digits only: an Excel serial number that lost its format on the way to CSV.
	if (/^\d{5}$/.test(t)) return readSerial(Number(t), raw);
	return same(raw);
}

/** A number in a date column: Excel's serial day, if it can be one. */
export function readSerial(v: number, raw: string = String(v), date1904 = false): Read {
	if (v >= SERIAL_MIN && v <= SERIAL_MAX) return { text: serialToIso(v, date1904), change: 'date_serial' };
	return same(raw);
}

/** A date the file declared, possibly with a time of day. */
export function fileDate(value: string): Read {
	if (value.length > 10) return { text: value.slice(0, 10), change: 'date_time' };
	return same(value);
}

// ---------- booleans ----------

export function readBoolean(raw: string, labels: { true: readonly string[]; false: readonly string[] }): Read {
	const k = raw.trim().normalize('NFC').toLowerCase();
	if (['true', 'false', '1', '0'].includes(k)) return same(raw);
	if (labels.true.includes(k)) return { text: 'true', change: 'boolean_label' };
	if (labels.false.includes(k)) return { text: 'false', change: 'boolean_label' };
	return same(raw);
}

// ---------- codes ----------

/**
 * Codes of a fixed number of digits lose their leading zeros in Excel ("01" → 1).
 * Padded back only when the pattern asks for exactly that many digits.
 */
export function padCode(raw: string, pattern: RegExp | undefined): Read {
	if (!pattern) return same(raw);
	const t = raw.trim();
	if (!/^\d+$/.test(t) || pattern.test(t)) return same(raw);
	for (const width of digitWidths(pattern)) {
		if (t.length < width) {
			const padded = t.padStart(width, '0');
			if (pattern.test(padded)) return { text: padded, change: 'code_padded' };
		}
	}
	return same(raw);
}

function digitWidths(pattern: RegExp): number[] {
	return [...pattern.source.matchAll(/\\d\{(\d+)\}/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
}

/** Province names → codes: "Quảng Ninh", "Tỉnh Quảng Ninh", "TP. Đà Nẵng". */
export function provinceKey(name: string): string {
	return modernTone(name.normalize('NFC'))
		.toLowerCase()
		.replace(/^(tỉnh|thành phố|tp\.?)\s+/, '')
		.replace(/\s+/g, ' ')
		.trim();
}

export function provinceLookup(provinces: readonly { code: string; name_vi: string; name_en?: string | null }[]): Map<string, string | null> {
	const map = new Map<string, string | null>();
	const add = (name: string | null | undefined, code: string) => {
		if (!name) return;
		const k = provinceKey(name);
		const seen = map.get(k);
		map.set(k, seen === undefined || seen === code ? code : null);
	};
	for (const p of provinces) {
		add(p.name_vi, p.code);
		add(p.name_en, p.code);
	}
	return map;
}
