/**
 * Comparing labels the way a person reads them: "Số sao", "SỐ SAO:", "Số  sao (*)"
 * and "So sao" are the same header. Vietnamese text is compared in composed form
 * (NFC) since files from Macs and Windows-1258 carry decomposed tone marks.
 */

/**
 * Old and new tone placement are both in use: "Hoà"/"Hòa", "Thuỵ"/"Thụy". Keys use
 * the placement of the units list (tone on the first vowel of oa, oe, uy).
 */
export function modernTone(s: string): string {
	// Only a syllable-final oa/oe/uy: "Hoàng" and "Quảng" keep their tone where it is.
	return s.replace(/(?<![qQ])([oOuU])([\u00e0-\u1ef9])(?!\p{L})/gu, (whole, v: string, next: string) => {
		const d = next.normalize('NFD');
		const base = d[0];
		const tone = d.slice(1).replace(/[\u0302\u0306\u031b]/g, '');
		const shape = d.slice(1).replace(/[^\u0302\u0306\u031b]/g, '');
		if (!tone || !/[aeyAEY]/.test(base) || shape) return whole;
		return (v + tone).normalize('NFC') + base;
	});
}

/** Lower case, composed, single spaces, without trailing ":" "*" "(*)" and edge punctuation. */
export function labelKey(s: string): string {
	return modernTone(s.normalize('NFC'))
		.toLowerCase()
		.replace(/[\u00a0\u202f\s]+/g, ' ')
		.replace(/\(\s*\*\s*\)|\*/g, '')
		.replace(/^[\s:.\-–]+|[\s:.\-–]+$/g, '')
		.trim();
}

/** The key without parenthesised parts: "Dự toán (tỷ đồng)" → "dự toán". */
export function bareKey(s: string): string {
	return labelKey(s.replace(/\([^)]*\)/g, ' '))
		.replace(/\s+/g, ' ')
		.trim();
}

/** The key without diacritics, for headers typed without them ("So sao"). */
export function asciiKey(s: string): string {
	return bareKey(s)
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd');
}

/** A SQL-friendly column or table name from a label: "Doanh thu (triệu đồng)" → doanh_thu_trieu_dong. */
export function slug(s: string): string {
	const base = s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
	return /^[0-9]/.test(base) ? `c_${base}` : base;
}
