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
 * DuckDB explicitly (no type or dialect guessing).
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
	const delimiter = likelyDelimiter(header.line);
	if (delimiter !== ',') {
		return fail(problem('wrong_delimiter', { file, row: 1 }, { delimiter: delimiter === '\t' ? 'Tab' : delimiter }));
	}
	if (header.fields.length > MAX_COLUMNS) {
		return fail(problem('too_many_columns', { file, row: 1 }, { found: header.fields.length, bound: MAX_COLUMNS }));
	}
	const { names, problems } = normalizeHeader(header.fields, file);
	if (problems.length > 0) return { staging: null, problems };
	// DuckDB would read past an unclosed quote to the end of the file, or stop with an
	// error about a line far from the cause; the opening quote is what needs fixing.
	const unclosed = unclosedQuoteRow(text);
	if (unclosed !== null) return fail(problem('unclosed_quote', { file, row: unclosed }));

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
	}
	const rows = Number((await db.query(`SELECT count(*)::INTEGER AS n FROM ${ident(table)}`)).get(0)?.n ?? 0);
	if (rows === 0) {
		await db.query(`DROP TABLE IF EXISTS ${ident(table)}`);
		return fail(problem('no_rows', { file }));
	}
	await renumber(db, table, recordRows(text, header.end), rows);
	return { staging: { table, spec, file, columns: names, rows }, problems: [] };
}

/**
 * DuckDB numbers the rows it returns; users count the rows of the file, where a blank
 * line still takes a row and a quoted value spanning lines does not. When the two differ,
 * rewrite ROW from the record positions found in the text.
 */
async function renumber(db: Db, table: string, rows: number[], count: number): Promise<void> {
	if (rows.length !== count || rows.every((r, i) => r === i + 2)) return;
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
