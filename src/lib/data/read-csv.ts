import { Int32, Table, tableToIPC, vectorFromArray } from 'apache-arrow';
import type { Db } from '../db/types';
import { ident, literal } from '../db/sql';
import type { DatasetSpec } from './schema';
import { problem, type Problem } from './problems';
import { MAX_COLUMNS } from './limits';
import { ROW, normalizeHeader, type ReadOutcome } from './staging';

/**
 * CSV → staging table with DuckDB's own reader, so the browser and the build parse
 * exactly alike. JS only looks at the text first, to turn the usual ways a file goes
 * wrong (wrong encoding, semicolons from a Vietnamese-locale Excel) into a clear message
 * instead of a DuckDB sniffer error, and to take the header, which is then given to
 * DuckDB explicitly (no type or dialect guessing). That look is one pass over the bytes
 * (`scanCsv`), which also tells validation whether cells need trimming or can draw
 * warnings at all; files of hundreds of MB are never decoded into one JS string.
 */
export async function readCsv(
	db: Db,
	spec: DatasetSpec,
	file: string,
	bytes: Uint8Array,
	table: string
): Promise<ReadOutcome> {
	const fail = (p: Problem): ReadOutcome => ({ staging: null, problems: [p] });
	if (bytes.length === 0) return fail(problem('empty_file', { file }));
	const utf16 = utf16Bom(bytes) ?? utf16WithoutBom(bytes);
	if (utf16) return fail(problem('not_utf8', { file }, { detail: utf16 }));
	const nul = bytes.indexOf(0);
	if (nul >= 0) return fail(problem('nul_bytes', { file, row: lineAt(bytes, nul) }));

	// One pass over the bytes answers what the checks below ask of the text, without
	// decoding a file that may be larger than a JS string can hold. A file it cannot
	// vouch for (not UTF-8, a blank first line) takes the text path, which names the row.
	const scan = scanCsv(bytes);
	const headerText = scan.utf8 ? utf8.decode(bytes.subarray(scan.start, scan.headerEnd)) : '';
	if (!scan.utf8 || headerText.trim() === '') return readCsvText(db, spec, file, bytes, table);

	const header = splitHeader(headerText);
	const checked = checkHeader(file, header);
	if (checked.problems.length > 0) return { staging: null, problems: checked.problems };
	if (scan.unclosedQuote !== null) return fail(problem('unclosed_quote', { file, row: scan.unclosedQuote }));
	return stage(db, spec, file, bytes, table, checked.names, scan);
}

/**
 * The same checks on the decoded text: the path of files the byte scan leaves to it,
 * kept as it was so their messages stay exactly the same.
 */
async function readCsvText(
	db: Db,
	spec: DatasetSpec,
	file: string,
	bytes: Uint8Array,
	table: string
): Promise<ReadOutcome> {
	const fail = (p: Problem): ReadOutcome => ({ staging: null, problems: [p] });
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		const loose = new TextDecoder('utf-8').decode(bytes);
		const row = lineOf(loose, loose.indexOf('\uFFFD'));
		return fail(problem('not_utf8', { file, row }));
	}
	text = text.replace(/^\uFEFF/, '');
	if (text.trim() === '') return fail(problem('empty_file', { file }));

	const header = splitHeader(text);
	const checked = checkHeader(file, header);
	if (checked.problems.length > 0) return { staging: null, problems: checked.problems };
	// DuckDB would read past an unclosed quote to the end of the file, or stop with an
	// error about a line far from the cause; the opening quote is what needs fixing.
	const unclosed = unclosedQuoteRow(text);
	if (unclosed !== null) return fail(problem('unclosed_quote', { file, row: unclosed }));
	const rows = recordRows(text, header.end);
	const consecutive = rows.every((r, i) => r === i + 2);
	return stage(db, spec, file, bytes, table, checked.names, {
		records: rows.length,
		rows: consecutive ? null : rows,
		spaceFree: false,
		warningFree: false
	});
}

/** The header's problems in the order they are reported: delimiter, width, names. */
function checkHeader(file: string, header: { line: string; fields: string[] }): { names: string[]; problems: Problem[] } {
	const delimiter = likelyDelimiter(header.line);
	if (delimiter !== ',') {
		return { names: [], problems: [problem('wrong_delimiter', { file, row: 1 }, { delimiter: delimiter === '\t' ? 'Tab' : delimiter })] };
	}
	if (header.fields.length > MAX_COLUMNS) {
		return { names: [], problems: [problem('too_many_columns', { file, row: 1 }, { found: header.fields.length, bound: MAX_COLUMNS })] };
	}
	return normalizeHeader(header.fields, file);
}

/** What `stage` needs to know of the records: their count, their rows, and whether any cell may carry edge spaces. */
interface Records {
	records: number;
	/** Row of each record in the file; null when they are rows 2, 3, 4, … without gaps. */
	rows: number[] | null;
	/** True when no cell can start or end with a space that SQL trim() would remove. */
	spaceFree: boolean;
	/** True when no cell can draw a text warning (validate.ts: garbled encoding, formula). */
	warningFree: boolean;
}

async function stage(
	db: Db,
	spec: DatasetSpec,
	file: string,
	bytes: Uint8Array,
	table: string,
	names: string[],
	found: Records
): Promise<ReadOutcome> {
	const fail = (p: Problem): ReadOutcome => ({ staging: null, problems: [p] });
	const registered = `${table}.csv`;
	await db.registerFile(registered, bytes);
	const columns = names.map((n) => `${literal(n)}: 'VARCHAR'`).join(', ');
	try {
		await db.query(
			`CREATE OR REPLACE TABLE ${ident(table)} AS
			 SELECT (row_number() OVER () + 1)::INTEGER AS ${ident(ROW)}, *
			 FROM read_csv(${literal(registered)}, header = true, auto_detect = false,
			   columns = {${columns}}, delim = ',', quote = '"', escape = '"')`
		);
	} catch (e) {
		return fail(csvError(file, (e as Error).message, names.length));
	} finally {
		// The registered copy lives in DuckDB-WASM's memory until replaced: hand it back
		// now, so a large build holds one file's copy at a time.
		await db.registerFile(registered, new Uint8Array(0));
	}
	const rows = Number((await db.query(`SELECT count(*)::INTEGER AS n FROM ${ident(table)}`)).get(0)?.n ?? 0);
	if (rows === 0) {
		await db.query(`DROP TABLE IF EXISTS ${ident(table)}`);
		return fail(problem('no_rows', { file }));
	}
	if (found.rows && found.records === rows) await renumber(db, table, found.rows);
	const { spaceFree, warningFree } = found;
	return { staging: { table, spec, file, columns: names, rows, spaceFree, warningFree }, problems: [] };
}

// BOMs are skipped by `scanCsv` itself, exactly as the text path strips them.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export interface CsvScan {
	/** Byte offset after the byte order marks (at most two, as the text path strips). */
	start: number;
	/** Byte offset after the header record's line end (bytes.length + 1 when there is none). */
	headerEnd: number;
	/** False when the bytes are not UTF-8; nothing else below is then meaningful. */
	utf8: boolean;
	/** As `unclosedQuoteRow` on the text. */
	unclosedQuote: number | null;
	/** As `recordRows` on the text after the header: how many, and their rows unless they are 2, 3, 4, …. */
	records: number;
	rows: number[] | null;
	/**
	 * True when no cell after the header can start or end with a space character that
	 * SQL trim() removes (U+0020 next to a separator, quote or line end; any other Unicode
	 * space anywhere). Errs on the side of false.
	 */
	spaceFree: boolean;
	/**
	 * True when no cell after the header can draw a text warning: no character in
	 * U+0080–U+00BF (every pattern of garbled encoding has one), and no cell starting with
	 * = @ + - tab or CR (what a spreadsheet takes for a formula). Errs on the side of false.
	 */
	warningFree: boolean;
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const COMMA = 44;

/**
 * One pass over a CSV's bytes doing the work of TextDecoder (fatal), `unclosedQuoteRow`
 * and `recordRows` on the decoded text, with the same results: every character these
 * look at is ASCII, and in UTF-8 no byte of a multi-byte character is ASCII.
 */
export function scanCsv(b: Uint8Array): CsvScan {
	const n = b.length;
	let start = 0;
	while (start < 6 && b[start] === 0xef && b[start + 1] === 0xbb && b[start + 2] === 0xbf) start += 3;
	// Where splitHeader stops.
	let h = start;
	for (let q = false; h < n; h++) {
		const c = b[h];
		if (c === QUOTE) {
			if (q && b[h + 1] === QUOTE) h++;
			else q = !q;
		} else if (c === LF && !q) break;
	}
	const headerEnd = h + 1;

	// unclosedQuoteRow: a quote opens only at a field's start; "" inside is one quote.
	let line = 1;
	let opened = 0;
	let inQuotes = false;
	let fieldStart = true;
	let skipQuote = false;
	// recordRows: every quote toggles; a line end outside quotes ends a record.
	let row = 2;
	let toggled = false;
	let blank = true;
	let records = 0;
	let rows: number[] | null = null;
	// Edge spaces, in the body only (header names are trimmed on their own).
	const bodyFrom = Math.min(headerEnd, n);
	// Of the byte before: it ends or opens a cell (comma or line end outside quotes, any
	// quote), it is a space, it is a quote.
	let prevEdge = true;
	let prevSpace = false;
	let prevQuote = false;
	let spaceFree = true;
	let warningFree = true;

	for (let i = start; i < n; i++) {
		let c = b[i];
		if (PLAIN[c] === 1) {
			if (i >= bodyFrom) {
				if (prevEdge && FORMULA_START[c] === 1) warningFree = false;
				prevEdge = prevSpace = prevQuote = false;
			}
			// A run of letters and digits changes no state but these; most bytes end here.
			while (i + 1 < n && PLAIN[b[i + 1]] === 1) i++;
			if (!inQuotes) fieldStart = false;
			blank = false;
			continue;
		}
		if (c >= 0x80) {
			const k = utf8Length(b, i);
			if (k === 0) {
				return { start, headerEnd, utf8: false, unclosedQuote: null, records: 0, rows: null, spaceFree: false, warningFree: false };
			}
			if (!inQuotes) fieldStart = false;
			blank = false;
			if (i >= bodyFrom) {
				if (spaceFree && isUnicodeSpace(b, i)) spaceFree = false;
				if (c === 0xc2) warningFree = false;
				prevEdge = prevSpace = prevQuote = false;
			}
			i += k - 1;
			continue;
		}
		if (c === LF) line++;
		if (inQuotes) {
			if (skipQuote) skipQuote = false;
			else if (c === QUOTE) {
				if (b[i + 1] === QUOTE) skipQuote = true;
				else inQuotes = false;
			}
		} else {
			if (c === QUOTE && fieldStart) {
				inQuotes = true;
				opened = line;
			}
			fieldStart = c === COMMA || c === LF || c === CR;
		}
		if (i < bodyFrom) continue;
		if (i === bodyFrom) {
			// recordRows starts here, as if the file began after the header.
			row = 2;
			toggled = false;
			blank = true;
			prevEdge = true;
			prevSpace = prevQuote = false;
			c = b[i];
		}
		if (c === QUOTE) {
			toggled = !toggled;
			blank = false;
		} else if (c === LF && !toggled) {
			if (!blank) {
				records++;
				if (rows) rows.push(row);
				else if (row !== records + 1) rows = consecutiveThen(records - 1, row);
			}
			row++;
			blank = true;
		} else if (c !== CR) blank = false;
		// Quotes as `unclosedQuoteRow` (and DuckDB) see them: a comma inside is text.
		const edge = c === QUOTE || (!inQuotes && (c === COMMA || c === LF || c === CR));
		if (c === SPACE ? prevEdge : edge && prevSpace) spaceFree = false;
		// A CR opening a cell, unless it is the CR of a CRLF line end after an unquoted cell.
		if (c === CR && (prevQuote || (prevEdge && b[i + 1] !== LF))) warningFree = false;
		prevEdge = edge;
		prevSpace = c === SPACE;
		prevQuote = c === QUOTE;
	}
	if (headerEnd < n) {
		if (!blank) {
			records++;
			if (rows) rows.push(row);
			else if (row !== records + 1) rows = consecutiveThen(records - 1, row);
		}
		if (prevSpace) spaceFree = false;
	} else {
		records = 0;
		rows = null;
	}
	return { start, headerEnd, utf8: true, unclosedQuote: inQuotes ? opened : null, records, rows, spaceFree, warningFree };
}

/** ASCII bytes that matter to no state of `scanCsv` but as "something else": all but line ends, quote, comma, space. */
const PLAIN = (() => {
	const t = new Uint8Array(256);
	for (let c = 0; c < 0x80; c++) t[c] = c === LF || c === CR || c === QUOTE || c === COMMA || c === SPACE ? 0 : 1;
	return t;
})();

/** Bytes that, opening a cell, may make it a formula (validate.ts FORMULA_RE); CR is looked at apart. */
const FORMULA_START = (() => {
	const t = new Uint8Array(256);
	for (const ch of '=@+-\t') t[ch.charCodeAt(0)] = 1;
	return t;
})();

/** Rows 2 … count + 1, then `row`: the list once the records stop being consecutive. */
function consecutiveThen(count: number, row: number): number[] {
	const rows = new Array<number>(count + 1);
	for (let k = 0; k < count; k++) rows[k] = k + 2;
	rows[count] = row;
	return rows;
}

/**
 * Length of the well-formed UTF-8 sequence starting at `i` (lead byte ≥ 0x80), or 0 —
 * the sequences the WHATWG decoder accepts: no overlong forms, no surrogates, ≤ U+10FFFF.
 */
function utf8Length(b: Uint8Array, i: number): number {
	// No closures here: it runs once per non-ASCII character of files of hundreds of MB.
	const c = b[i];
	const n = b.length;
	if (c >= 0xc2 && c <= 0xdf) return i + 1 < n && (b[i + 1] & 0xc0) === 0x80 ? 2 : 0;
	if (i + 1 >= n) return 0;
	const c1 = b[i + 1];
	if (c >= 0xe0 && c <= 0xef) {
		if (c === 0xe0 ? c1 < 0xa0 || c1 > 0xbf : c === 0xed ? c1 < 0x80 || c1 > 0x9f : (c1 & 0xc0) !== 0x80) return 0;
		return i + 2 < n && (b[i + 2] & 0xc0) === 0x80 ? 3 : 0;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (c === 0xf0 ? c1 < 0x90 || c1 > 0xbf : c === 0xf4 ? c1 < 0x80 || c1 > 0x8f : (c1 & 0xc0) !== 0x80) return 0;
		return i + 3 < n && (b[i + 2] & 0xc0) === 0x80 && (b[i + 3] & 0xc0) === 0x80 ? 4 : 0;
	}
	return 0;
}

/** U+00A0, U+1680, U+2000–U+200A, U+202F, U+205F, U+3000: the spaces trim() removes besides U+0020. */
function isUnicodeSpace(b: Uint8Array, i: number): boolean {
	const c = b[i];
	const c1 = b[i + 1];
	const c2 = b[i + 2];
	if (c === 0xc2) return c1 === 0xa0;
	if (c === 0xe1) return c1 === 0x9a && c2 === 0x80;
	if (c === 0xe2) return (c1 === 0x80 && ((c2 >= 0x80 && c2 <= 0x8a) || c2 === 0xaf)) || (c1 === 0x81 && c2 === 0x9f);
	if (c === 0xe3) return c1 === 0x80 && c2 === 0x80;
	return false;
}

/**
 * DuckDB numbers the rows it returns; users count the rows of the file, where a blank
 * line still takes a row and a quoted value spanning lines does not. When the two differ,
 * rewrite ROW from the record positions found in the text.
 */
async function renumber(db: Db, table: string, rows: number[]): Promise<void> {
	const map = `${table}__rows`;
	const ipc = tableToIPC(
		new Table({
			duck: vectorFromArray(rows.map((_, i) => i + 2), new Int32()),
			file: vectorFromArray(rows, new Int32())
		}),
		'stream'
	);
	await db.insertArrowIPC(map, ipc, { replace: true });
	await db.query(
		`UPDATE ${ident(table)} SET ${ident(ROW)} = m.file FROM ${ident(map)} m WHERE ${ident(table)}.${ident(ROW)} = m.duck`
	);
	await db.query(`DROP TABLE ${ident(map)}`);
}

/** Row number of each non-blank record after the header (header = row 1). */
export function recordRows(text: string, start: number): number[] {
	const rows: number[] = [];
	let row = 2;
	let inQuotes = false;
	let blank = true;
	for (let i = start; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (ch === 34) {
			inQuotes = !inQuotes;
			blank = false;
		} else if (ch === 10 && !inQuotes) {
			if (!blank) rows.push(row);
			row++;
			blank = true;
		} else if (ch !== 13) blank = false;
	}
	if (!blank) rows.push(row);
	return rows;
}

/** The first record (it may span lines inside quotes) split on commas outside quotes. */
function splitHeader(text: string): { line: string; fields: string[]; end: number } {
	const fields: string[] = [];
	let field = '';
	let inQuotes = false;
	let i = 0;
	for (; i < text.length; i++) {
		const ch = text[i];
		if (ch === '"') {
			if (inQuotes && text[i + 1] === '"') {
				field += '"';
				i++;
			} else inQuotes = !inQuotes;
		} else if (ch === ',' && !inQuotes) {
			fields.push(field);
			field = '';
		} else if (ch === '\n' && !inQuotes) break;
		else if (ch !== '\r' || inQuotes) field += ch;
	}
	fields.push(field);
	return { line: text.slice(0, i), fields, end: i + 1 };
}

/** The separator used in the header line: the most frequent candidate outside quotes. */
function likelyDelimiter(line: string): string {
	const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]]);
	let inQuotes = false;
	for (const ch of line) {
		if (ch === '"') inQuotes = !inQuotes;
		else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
	}
	let best = ',';
	for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
	return best;
}

function utf16Bom(b: Uint8Array): string | null {
	if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'UTF-16';
	if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'UTF-16';
	return null;
}

/**
 * UTF-16 saved without a byte-order mark: every other byte of ASCII text is 0. Which
 * half holds the zeros tells little- from big-endian.
 */
export function utf16WithoutBom(b: Uint8Array): string | null {
	const n = Math.min(b.length, 4096) & ~1;
	if (n < 4) return null;
	let even = 0;
	let odd = 0;
	for (let i = 0; i < n; i += 2) {
		if (b[i] === 0) even++;
		if (b[i + 1] === 0) odd++;
	}
	const half = n / 2;
	if (odd > half * 0.4 && even < half * 0.05) return 'UTF-16 LE';
	if (even > half * 0.4 && odd < half * 0.05) return 'UTF-16 BE';
	return null;
}

/**
 * Row (1-based line) of a quote opened and never closed, or null. As in RFC 4180 a
 * quote opens a value only at its start; inside, "" is a quote character.
 */
export function unclosedQuoteRow(text: string, delimiter = ','): number | null {
	const d = delimiter.charCodeAt(0);
	let line = 1;
	let opened = 0;
	let inQuotes = false;
	let fieldStart = true;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (ch === 10) line++;
		if (inQuotes) {
			if (ch === 34) {
				if (text.charCodeAt(i + 1) === 34) i++;
				else inQuotes = false;
			}
			continue;
		}
		if (ch === 34 && fieldStart) {
			inQuotes = true;
			opened = line;
		}
		fieldStart = ch === d || ch === 10 || ch === 13;
	}
	return inQuotes ? opened : null;
}

function lineAt(bytes: Uint8Array, index: number): number {
	let line = 1;
	for (let i = 0; i < index; i++) if (bytes[i] === 10) line++;
	return line;
}

function lineOf(text: string, index: number): number | null {
	if (index < 0) return null;
	let line = 1;
	for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

/** DuckDB's CSV errors are long and in English; keep the row and the gist. */
function csvError(file: string, message: string, expected: number): Problem {
	const row = Number(/CSV Error on Line: (\d+)/.exec(message)?.[1]) || null;
	const counts = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
	if (counts) {
		return problem('csv_columns', { file, row }, { expected: Number(counts[1]) || expected, found: Number(counts[2]) });
	}
	const lines = message.split('\n').map((l) => l.trim());
	const afterOriginal = lines.findIndex((l) => l.startsWith('Original Line'));
	// After the echoed line DuckDB states the reason as one sentence.
	const gist =
		(afterOriginal >= 0 &&
			lines.slice(afterOriginal + 1).find((l) => l.endsWith('.') && !/^(Possible|\*)/.test(l))) ||
		lines[0];
	return problem('csv_unreadable', { file, row }, { detail: gist.replace(/^[A-Za-z ]*Error:\s*/, '') });
}
