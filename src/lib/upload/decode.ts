/**
 * Text files as Vietnamese offices produce them: UTF-8 with or without a byte-order
 * mark (Excel's "CSV UTF-8"), UTF-16 with a mark (Excel's "Unicode Text", tab
 * separated), and Windows-1258 (Excel's plain "CSV" on a Vietnamese Windows), which
 * writes tone marks as separate combining characters. Valid UTF-8 is taken first:
 * a 1258 file with any accented letter is never valid UTF-8, the reverse is not true.
 */

import { utf16WithoutBom } from '../data/read-csv';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-16le-nobom' | 'utf-16be-nobom' | 'windows-1258';

export interface Decoded {
	text: string;
	encoding: Encoding;
}

export function decodeText(bytes: Uint8Array): Decoded {
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
		return { text: compose(stripBoms(new TextDecoder('utf-16le').decode(bytes.subarray(2)))), encoding: 'utf-16le' };
	}
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
		return { text: compose(stripBoms(new TextDecoder('utf-16be').decode(bytes.subarray(2)))), encoding: 'utf-16be' };
	}
	// Without a mark, UTF-16 shows as a zero in every other byte of its ASCII letters.
	const utf16 = utf16WithoutBom(bytes);
	if (utf16) {
		const le = utf16 === 'UTF-16 LE';
		return { text: compose(stripBoms(new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes))), encoding: le ? 'utf-16le-nobom' : 'utf-16be-nobom' };
	}
	const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	try {
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
		return { text: compose(stripBoms(text)), encoding: bom ? 'utf-8-bom' : 'utf-8' };
	} catch {
		return { text: compose(new TextDecoder('windows-1258').decode(bytes)), encoding: 'windows-1258' };
	}
}

/** A mark saved twice (a file converted twice) would stick to the first header. */
const stripBoms = (text: string) => text.replace(/^\uFEFF+/, '');

/** Tone marks as separate characters (1258, macOS) → precomposed letters. */
function compose(text: string): string {
	return text.normalize('NFC');
}

export type Delimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: Delimiter[] = [',', ';', '\t', '|'];

export interface Delimited {
	/** Line where a quoted value starts that is never closed (the rest of the file became that value). */
	unclosed: number | null;
	rows: string[][];
	/** Line number (1-based) where each record starts. */
	lines: number[];
	delimiter: Delimiter;
}

/**
 * RFC 4180 records with the delimiter the file uses (Vietnamese-locale Excel writes
 * ";" because "," is its decimal mark; "Unicode Text" writes tabs). The delimiter is
 * the candidate seen most often outside quotes in the first lines.
 */
export function parseDelimited(text: string, delimiter: Delimiter = guessDelimiter(text)): Delimited {
	const rows: string[][] = [];
	const lines: number[] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let line = 1;
	let start = 1;
	let fresh = true;
	let opened = 0;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else {
				if (ch === '\n') line++;
				field += ch;
			}
			continue;
		}
		if (ch === '"' && field === '') {
			quoted = true;
			opened = line;
			fresh = false;
		} else if (ch === delimiter) {
			row.push(field);
			field = '';
			fresh = false;
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			lines.push(start);
			row = [];
			field = '';
			line++;
			start = line;
			fresh = true;
		} else {
			field += ch;
			fresh = false;
		}
	}
	if (!fresh || field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
		lines.push(start);
	}
	return { rows, lines, delimiter, unclosed: quoted ? opened : null };
}

export function guessDelimiter(text: string): Delimiter {
	const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
	let quoted = false;
	let lines = 0;
	for (let i = 0; i < text.length && lines < 30; i++) {
		const ch = text[i];
		if (ch === '"') quoted = !quoted;
		else if (!quoted && ch === '\n') lines++;
		else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
	}
	let best: Delimiter = ',';
	for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
	return best;
}
