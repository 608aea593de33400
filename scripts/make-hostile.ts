/**
 * The hostile-input corpus: files that go wrong the way files from many hands do
 * (cut short, wrong encoding, formulas, script, absurd values, bombs), each with the
 * outcome it must end in through the build-time loader and through the browser upload.
 *
 *   npm run hostile:make        (writes tests/fixtures/hostile/*, cases.json)
 *
 * Every case starts from the minimal valid data set (tests/fixtures/data-min) and
 * breaks one dataset, so the expected problem is the only one. Large files (a 200 MB
 * CSV, 100 000 columns, a multi-gigabyte zip bomb) are not committed: tests make them
 * at test time with the exported generators below.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { parquetWriteBuffer } from 'hyparquet-writer';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DATA_MIN = path.resolve(here, '../tests/fixtures/data-min');
export const HOSTILE_DIR = path.resolve(here, '../tests/fixtures/hostile');

/** One problem (or blocking note) the outcome must contain; row/column null = whole file. */
export interface Expected {
	code: string;
	row?: number | null;
	column?: string | null;
}

export type Outcome =
	| { ok: true; rows: number; warnings?: Expected[] }
	| { ok: false; problems: Expected[] }
	| { skip: string };

export interface HostileCase {
	file: string;
	dataset: string;
	what: string;
	build: Outcome;
	upload: Outcome;
}

// ---------------------------------------------------------------- CSV helpers

export function parseCsv(text: string): string[][] {
	const rows: string[][] = [[]];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') rows[rows.length - 1].push(field), (field = '');
		else if (ch === '\n') rows[rows.length - 1].push(field), (field = ''), rows.push([]);
		else if (ch !== '\r') field += ch;
	}
	if (field !== '' || rows[rows.length - 1].length > 0) rows[rows.length - 1].push(field);
	return rows.filter((r) => r.length > 0);
}

const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
export const toCsv = (rows: string[][], sep = ',') => rows.map((r) => r.map(csvField).join(sep)).join('\n') + '\n';

export function table(dataset: string): { header: string[]; rows: string[][] } {
	const [header, ...rows] = parseCsv(readFileSync(path.join(DATA_MIN, `${dataset}.csv`), 'utf8'));
	return { header, rows };
}

/** The dataset's data-min CSV with `edit` applied to its rows (row i is file row i + 2). */
function csv(dataset: string, edit: (t: { header: string[]; rows: string[][]; set: (i: number, col: string, v: string) => void }) => void = () => {}) {
	const t = table(dataset);
	const set = (i: number, col: string, v: string) => {
		const c = t.header.indexOf(col);
		if (c < 0) throw new Error(`${dataset} has no column ${col}`);
		t.rows[i][c] = v;
	};
	edit({ ...t, set });
	return toCsv([t.header, ...t.rows]);
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const rowsOf = (dataset: string) => table(dataset).rows.length;

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
	const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
	let o = 0;
	if (bom) (out[o++] = endian === 'le' ? 0xff : 0xfe), (out[o++] = endian === 'le' ? 0xfe : 0xff);
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (endian === 'le') (out[o++] = c & 0xff), (out[o++] = c >> 8);
		else (out[o++] = c >> 8), (out[o++] = c & 0xff);
	}
	return out;
}

const cp1258 = (() => {
	const decoder = new TextDecoder('windows-1258');
	const map = new Map<string, number>();
	for (let b = 0; b < 256; b++) {
		const ch = decoder.decode(new Uint8Array([b]));
		if (ch !== '\ufffd' && !map.has(ch)) map.set(ch, b);
	}
	return map;
})();

/** Windows-1258: letters it lacks are a base letter plus a combining tone mark, as Excel writes them. */
function encode1258(text: string): Uint8Array {
	const bytes: number[] = [];
	for (const ch of text.normalize('NFC')) {
		const direct = cp1258.get(ch);
		if (direct !== undefined) {
			bytes.push(direct);
			continue;
		}
		const [base0, ...marks] = [...ch.normalize('NFD')];
		let base = base0;
		const rest: string[] = [];
		for (const mk of marks) {
			const folded = (base + mk).normalize('NFC');
			if (folded.length === 1 && cp1258.has(folded)) base = folded;
			else rest.push(mk);
		}
		for (const c of [base, ...rest]) bytes.push(cp1258.get(c)!);
	}
	return new Uint8Array(bytes);
}

/** UTF-8 bytes read as Latin-1 and saved again as UTF-8: "Bánh" → "BÃ¡nh". */
const mojibake = (s: string) => new TextDecoder('latin1').decode(utf8(s));

/** Deterministic bytes (xorshift), so the corpus is the same on every run. */
function noise(n: number, seed = 2463534242): Uint8Array {
	const out = new Uint8Array(n);
	let x = seed;
	for (let i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		out[i] = x & 0xff;
	}
	return out;
}

// ---------------------------------------------------------------- XLSX helpers

function workbook(dataset: string, aoa: unknown[][], sheet = dataset): Uint8Array {
	const wb = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), sheet);
	return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

function datasetAoa(dataset: string): unknown[][] {
	const t = table(dataset);
	return [t.header, ...t.rows.map((r) => r.map((v) => (v === '' ? null : v)))];
}

interface ZipEntry {
	name: string;
	/** Stored bytes and what they inflate to; `declared` may lie about the latter. */
	data: Uint8Array;
	size: number;
	crc: number;
	method: 0 | 8;
	declared?: number;
}

const deflated = (name: string, content: Uint8Array): ZipEntry => ({
	name,
	data: new Uint8Array(deflateRawSync(content)),
	size: content.length,
	crc: crc32(content),
	method: 8
});

/** A plain zip; `central` lets a case point several directory entries at one local entry. */
export function zip(entries: ZipEntry[], central: { entry: number; name: string }[] = entries.map((e, i) => ({ entry: i, name: e.name }))): Uint8Array {
	const parts: Uint8Array[] = [];
	const offsets: number[] = [];
	let at = 0;
	for (const e of entries) {
		const name = utf8(e.name);
		const h = new DataView(new ArrayBuffer(30));
		h.setUint32(0, 0x04034b50, true);
		h.setUint16(4, 20, true);
		h.setUint16(8, e.method, true);
		h.setUint32(14, e.crc >>> 0, true);
		h.setUint32(18, e.data.length, true);
		h.setUint32(22, e.declared ?? e.size, true);
		h.setUint16(26, name.length, true);
		offsets.push(at);
		parts.push(new Uint8Array(h.buffer), name, e.data);
		at += 30 + name.length + e.data.length;
	}
	const cdStart = at;
	for (const c of central) {
		const e = entries[c.entry];
		const name = utf8(c.name);
		const h = new DataView(new ArrayBuffer(46));
		h.setUint32(0, 0x02014b50, true);
		h.setUint16(4, 20, true);
		h.setUint16(6, 20, true);
		h.setUint16(10, e.method, true);
		h.setUint32(16, e.crc >>> 0, true);
		h.setUint32(20, e.data.length, true);
		h.setUint32(24, e.declared ?? e.size, true);
		h.setUint16(28, name.length, true);
		h.setUint32(42, offsets[c.entry], true);
		parts.push(new Uint8Array(h.buffer), name);
		at += 46 + name.length;
	}
	const end = new DataView(new ArrayBuffer(22));
	end.setUint32(0, 0x06054b50, true);
	end.setUint16(8, central.length, true);
	end.setUint16(10, central.length, true);
	end.setUint32(12, at - cdStart, true);
	end.setUint32(16, cdStart, true);
	parts.push(new Uint8Array(end.buffer));
	const out = new Uint8Array(at + 22);
	let o = 0;
	for (const p of parts) out.set(p, o), (o += p.length);
	return out;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

function packageParts(sheetName: string): ZipEntry[] {
	return [
		deflated(
			'[Content_Types].xml',
			utf8(
				`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
			)
		),
		deflated('_rels/.rels', utf8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`)),
		deflated('xl/workbook.xml', utf8(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`)),
		deflated('xl/_rels/workbook.xml.rels', utf8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`))
	];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const col = (c: number) => XLSX.utils.encode_col(c);

/** Sheet XML written by hand, for what a spreadsheet library would not write: raw cells, lying dimensions. */
type HandCell = string | number | null | { f: string; v?: string } | { n: number };
function sheetXml(rows: HandCell[][], dimension?: string, pad = ''): string {
	const body = rows
		.map((r, ri) => {
			const cells = r
				.map((v, ci) => {
					const ref = `${col(ci)}${ri + 1}`;
					if (v === null) return '';
					if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
					if (typeof v === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
					if ('n' in v) return `<c r="${ref}"><v>${v.n}</v></c>`;
					return `<c r="${ref}" t="str"><f>${esc(v.f)}</f>${v.v !== undefined ? `<v>${esc(v.v)}</v>` : ''}</c>`;
				})
				.join('');
			return `<row r="${ri + 1}">${cells}</row>`;
		})
		.join('');
	return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${body}</sheetData>${pad}</worksheet>`;
}

function handWorkbook(sheetName: string, xml: string): Uint8Array {
	return zip([...packageParts(sheetName), deflated('xl/worksheets/sheet1.xml', utf8(xml))]);
}

/**
 * A workbook whose sheet inflates to `bytes` of XML (a comment of repeated bytes after
 * the data), deflated as a stream so neither side ever holds the inflated text.
 * `declared`: what the zip says the sheet inflates to (honest unless given).
 */
export async function zipBomb(bytes: number, opts: { declared?: number; level?: number } = {}): Promise<Uint8Array> {
	const head = utf8(sheetXml(datasetAoa('ocop_products') as HandCell[][]).replace('</worksheet>', '<!--'));
	const tail = utf8('--></worksheet>');
	const fill = bytes - head.length - tail.length;
	const chunk = new Uint8Array(1 << 20).fill(0x41);
	const deflate = createDeflateRaw({ level: opts.level ?? 9 });
	const out: Buffer[] = [];
	deflate.on('data', (b: Buffer) => out.push(b));
	const done = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
	let crc = crc32(head);
	const write = (b: Uint8Array) => new Promise<void>((resolve) => (deflate.write(b) ? resolve() : deflate.once('drain', resolve)));
	await write(head);
	for (let left = fill; left > 0; left -= chunk.length) {
		const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
		crc = crc32(piece, crc);
		await write(piece);
	}
	crc = crc32(tail, crc);
	deflate.end(tail);
	await done;
	const data = new Uint8Array(Buffer.concat(out));
	return zip([...packageParts('ocop_products'), { name: 'xl/worksheets/sheet1.xml', data, size: bytes, crc, method: 8, declared: opts.declared }]);
}

/** The same zip with every entry named `name` claiming to inflate to `declared` bytes. */
export function lieAboutSize(zipBytes: Uint8Array, name: string, declared: number): Uint8Array {
	const b = zipBytes.slice();
	const v = new DataView(b.buffer);
	const eocd = b.length - 22;
	let p = v.getUint32(eocd + 16, true);
	for (let k = 0; k < v.getUint16(eocd + 10, true); k++) {
		const nameLen = v.getUint16(p + 28, true);
		if (new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen)) === name) {
			v.setUint32(p + 24, declared, true);
			v.setUint32(v.getUint32(p + 42, true) + 22, declared, true);
		}
		p += 46 + nameLen + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
	}
	return b;
}

// ---------------------------------------------------------------- Parquet helpers

function parquet(dataset: string, edit: (rows: string[][]) => void = () => {}, types: Record<string, 'INT32' | 'DOUBLE' | 'DATE'> = {}): Uint8Array {
	const t = table(dataset);
	edit(t.rows);
	const columnData = t.header.map((name, c) => {
		const raw = t.rows.map((r) => (r[c] === '' ? null : r[c]));
		const type = types[name];
		if (type === 'INT32' || type === 'DOUBLE') return { name, data: raw.map((v) => (v === null ? null : Number(v))) };
		if (type === 'DATE') return { name, data: raw.map((v) => (v === null ? null : new Date(v + 'T00:00:00Z'))) };
		return { name, data: raw };
	});
	const schema = [
		{ name: 'root', num_children: t.header.length },
		...t.header.map((name) =>
			types[name] === 'INT32'
				? { name, type: 'INT32', repetition_type: 'OPTIONAL' }
				: types[name] === 'DOUBLE'
					? { name, type: 'DOUBLE', repetition_type: 'OPTIONAL' }
					: types[name] === 'DATE'
						? { name, type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' }
						: { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' }
		)
	];
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	return new Uint8Array(parquetWriteBuffer({ columnData, schema: schema as any }));
}

// ---------------------------------------------------------------- large files (test time only)

/** A CSV of ocop_products rows repeated to at least `bytes` (unique keys), written in chunks. */
export function* bigCsvChunks(bytes: number): Generator<string> {
	const t = table('ocop_products');
	yield t.header.join(',') + '\n';
	let written = 0;
	for (let i = 0; written < bytes; i++) {
		const lines: string[] = [];
		for (let k = 0; k < 10_000; k++) {
			const r = [...t.rows[(i * 10_000 + k) % t.rows.length]];
			r[0] = `OCOP-X-${i}-${k}`;
			lines.push(r.map(csvField).join(','));
		}
		const s = lines.join('\n') + '\n';
		written += s.length;
		yield s;
	}
}

/** A header of `n` columns (the contract's first, then c15, c16, …) and two rows. */
export function wideCsv(n: number): string {
	const t = table('ocop_products');
	const extra = Array.from({ length: n - t.header.length }, (_, i) => `c${i + t.header.length + 1}`);
	const line = (r: string[]) => [...r.map(csvField), ...extra.map(() => '')].join(',');
	return [[...t.header, ...extra].join(','), line(t.rows[0]), line(t.rows[1])].join('\n') + '\n';
}

// ---------------------------------------------------------------- the corpus

const OCOP = 'ocop_products';
const err = (...problems: Expected[]): Outcome => ({ ok: false, problems });
const ok = (rows: number, ...warnings: Expected[]): Outcome => ({ ok: true, rows, warnings });
const CATALOGUE = { skip: 'catalogues (units, indicators, datasets) are not replaced from the browser' };

interface Made extends HostileCase {
	bytes: Uint8Array;
}

export async function corpus(): Promise<Made[]> {
	const cases: Made[] = [];
	const add = (file: string, dataset: string, what: string, bytes: Uint8Array | string, build: Outcome, upload: Outcome | 'same' = 'same') =>
		cases.push({ file, dataset, what, bytes: typeof bytes === 'string' ? utf8(bytes) : bytes, build, upload: upload === 'same' ? build : upload });
	const n = rowsOf(OCOP);
	const good = csv(OCOP);

	// --- CSV structure
	add('csv-empty.csv', OCOP, 'an empty file (0 bytes)', new Uint8Array(), err({ code: 'empty_file' }));
	add('csv-blank-lines.csv', OCOP, 'only blank lines and spaces', '\n  \n\r\n\n', err({ code: 'empty_file' }));
	add('csv-header-only.csv', OCOP, 'a header row and no data', good.split('\n')[0] + '\n', err({ code: 'no_rows' }));
	add('csv-unbalanced-quote.csv', OCOP, 'a quote opened on row 4 and never closed', good.replace('Bánh cáy làng Nguyễn, hộp 500 g"', 'Bánh cáy làng Nguyễn, hộp 500 g'), err({ code: 'unclosed_quote', row: 4 }));
	add(
		'csv-ragged-long.csv',
		OCOP,
		'row 3 has one field too many (an unquoted comma)',
		good.replace('Chiếu cói Quỳnh Phụ,handicraft', 'Chiếu cói, Quỳnh Phụ,handicraft'),
		err({ code: 'csv_columns', row: 3 }),
		err({ code: 'ragged_row', row: 3 })
	);
	add(
		'csv-ragged-short.csv',
		OCOP,
		'row 6 lacks its last two fields',
		good.replace(/,55\/QĐ-UBND,2025-09-10,,illustrative/, ',55/QĐ-UBND,2025-09-10'),
		err({ code: 'csv_columns', row: 6 }),
		err({ code: 'ragged_row', row: 6 })
	);
	add('csv-nul-bytes.csv', OCOP, 'a NUL byte inside a value on row 3', good.replace('Chiếu cói', 'Chiếu\0cói'), err({ code: 'nul_bytes', row: 3 }));
	add('csv-random-bytes.csv', OCOP, '4 KB of random bytes named .csv', noise(4096), err({ code: 'nul_bytes' }));
	add('csv-semicolons.csv', OCOP, 'separated by semicolons (Vietnamese-locale Excel)', toCsv([table(OCOP).header, ...table(OCOP).rows], ';'), err({ code: 'wrong_delimiter', row: 1 }), ok(n));
	add('csv-crlf-quoted-newline.csv', OCOP, 'CRLF line ends and a line break inside a quoted name', csv(OCOP, (t) => t.set(1, 'product_name', 'Chiếu cói\r\nQuỳnh Phụ')).replaceAll('\n', '\r\n').replaceAll('\r\r\n', '\r\n'), ok(n));
	add('csv-mid-field-quote.csv', OCOP, 'a quote inside an unquoted value (5" in a name)', good.replace('Tương Bần', 'Tương Bần 5" chai'), ok(n));

	// --- encodings and byte-order marks
	add('csv-bom-utf8.csv', OCOP, 'UTF-8 with a byte-order mark', '\uFEFF' + good, ok(n));
	add('csv-bom-twice.csv', OCOP, 'two UTF-8 byte-order marks (converted twice)', '\uFEFF\uFEFF' + good, ok(n));
	add('csv-utf16le-bom.csv', OCOP, 'UTF-16 LE with a byte-order mark, commas', utf16('\uFEFF' + good, 'le', false), err({ code: 'not_utf8' }), ok(n));
	add('csv-utf16be-bom.csv', OCOP, 'UTF-16 BE with a byte-order mark', utf16(good, 'be', true), err({ code: 'not_utf8' }), ok(n));
	add('csv-utf16le-nobom.csv', OCOP, 'UTF-16 LE without a byte-order mark', utf16(good, 'le', false), err({ code: 'not_utf8' }), ok(n));
	add('csv-utf16be-nobom.csv', OCOP, 'UTF-16 BE without a byte-order mark', utf16(good, 'be', false), err({ code: 'not_utf8' }), ok(n));
	add('csv-windows-1258.csv', OCOP, 'Windows-1258 (Vietnamese Windows code page)', encode1258(good), err({ code: 'not_utf8', row: 2 }), ok(n));
	add(
		'csv-latin1-mojibake.csv',
		OCOP,
		'UTF-8 read as Latin-1 and saved again: "BÃ¡nh cÃ¡y"',
		csv(OCOP, (t) => t.set(0, 'product_name', mojibake('Bánh cáy làng Nguyễn'))),
		ok(n, { code: 'mojibake', row: 2, column: 'product_name' })
	);
	add('csv-mojibake-codes.csv', OCOP, 'mojibake in a coded column: "thá»±c pháº©m" as product group', csv(OCOP, (t) => t.set(2, 'product_group', mojibake('thực phẩm'))), err({ code: 'not_allowed', row: 4, column: 'product_group' }));

	// --- formulas, HTML and script in cells
	add(
		'csv-formulas.csv',
		OCOP,
		'=HYPERLINK, =cmd|…, +, -, @ at the start of text cells',
		csv(OCOP, (t) => {
			t.set(0, 'product_name', '=HYPERLINK("http://evil.example/x","Bấm vào đây")');
			t.set(1, 'producer_name', "=cmd|' /C calc'!A0");
			t.set(2, 'product_name', '+SUM(1+1)*cmd|x');
			t.set(3, 'producer_name', '-2+3+cmd|x!A1');
			t.set(4, 'product_name', '@SUM(A1:A9)');
		}),
		ok(
			n,
			{ code: 'formula_text', row: 2, column: 'product_name' },
			{ code: 'formula_text', row: 3, column: 'producer_name' },
			{ code: 'formula_text', row: 4, column: 'product_name' },
			{ code: 'formula_text', row: 5, column: 'producer_name' },
			{ code: 'formula_text', row: 6, column: 'product_name' }
		)
	);
	add('csv-formula-in-number.csv', OCOP, '=1+3 in the stars column', csv(OCOP, (t) => t.set(0, 'stars', '=1+3')), err({ code: 'not_integer', row: 2, column: 'stars' }));
	add(
		'csv-html-script.csv',
		OCOP,
		'<script>, <img onerror>, javascript: URL in text cells (kept verbatim, never run)',
		csv(OCOP, (t) => {
			t.set(0, 'product_name', '<script>window.__pwned=1</script>');
			t.set(1, 'producer_name', '<img src=x onerror="window.__pwned=1">');
			t.set(2, 'decision_no', 'javascript:window.__pwned=1');
			t.set(3, 'product_name', '"><svg onload=window.__pwned=1>');
		}),
		ok(n)
	);
	add('csv-html-in-code.csv', OCOP, '<b>34</b> as a province code', csv(OCOP, (t) => t.set(0, 'province_code', '<b>34</b>')), err({ code: 'bad_pattern', row: 2, column: 'province_code' }));

	// --- unknown codes
	add('csv-unknown-province.csv', OCOP, 'province code 99 (no such province)', csv(OCOP, (t) => t.set(1, 'province_code', '99')), err({ code: 'unknown_province', row: 3, column: 'province_code' }));
	add('csv-unknown-district.csv', OCOP, 'district 999 of Thái Bình', csv(OCOP, (t) => t.set(0, 'district_code', '999')), err({ code: 'unknown_district', row: 2, column: 'district_code' }));
	add('targets-unknown-indicator.csv', 'targets', 'indicator ZZ99 not in the catalogue', csv('targets', (t) => t.set(0, 'indicator', 'ZZ99')), err({ code: 'unknown_indicator', row: 2, column: 'indicator' }));
	add('observations-unknown-unit.csv', 'observations', 'unit 99 of vintage 2024', csv('observations', (t) => t.set(0, 'unit_code', '99')), err({ code: 'unknown_unit', row: 2, column: 'unit_code' }));
	add('published-unknown-indicator.csv', 'published_figures', 'a published figure for indicator XX01', csv('published_figures', (t) => t.set(1, 'indicator', 'XX01')), err({ code: 'unknown_indicator', row: 3, column: 'indicator' }));
	add('startups-unknown-province.csv', 'startups', 'province 00', csv('startups', (t) => t.set(0, 'province_code', '00')), err({ code: 'unknown_province', row: 2, column: 'province_code' }));

	// --- negative and absurd values
	add('ocop-7-stars.csv', OCOP, 'an OCOP product with 7 stars', csv(OCOP, (t) => t.set(0, 'stars', '7')), err({ code: 'above_max', row: 2, column: 'stars' }));
	add('ocop-negative-stars.csv', OCOP, '-4 stars', csv(OCOP, (t) => t.set(1, 'stars', '-4')), err({ code: 'below_min', row: 3, column: 'stars' }));
	add('ocop-certificate-2031.csv', OCOP, 'a certificate decided in 2031', csv(OCOP, (t) => t.set(4, 'decision_date', '2031-09-10')), err({ code: 'future_date', row: 6, column: 'decision_date' }));
	add('ocop-feb-31.csv', OCOP, 'decision date 31/02/2024', csv(OCOP, (t) => t.set(0, 'decision_date', '31/02/2024')), err({ code: 'not_date', row: 2, column: 'decision_date' }));
	add('ocop-2024-02-30.csv', OCOP, 'decision date 2024-02-30', csv(OCOP, (t) => t.set(0, 'decision_date', '2024-02-30')), err({ code: 'not_date', row: 2, column: 'decision_date' }));
	add('ocop-year-0000.csv', OCOP, 'decision date 0000-01-01', csv(OCOP, (t) => t.set(0, 'decision_date', '0000-01-01')), err({ code: 'implausible_date', row: 2, column: 'decision_date' }));
	add('budget-1e30.csv', 'budget', 'a budget of 1e30 tỷ đồng', csv('budget', (t) => t.set(0, 'allocated_bn', '1e30')), err({ code: 'implausible_number', row: 2, column: 'allocated_bn' }));
	add('budget-infinity.csv', 'budget', 'Infinity, NaN and inf as amounts', csv('budget', (t) => (t.set(0, 'allocated_bn', 'Infinity'), t.set(1, 'allocated_bn', 'NaN'), t.set(2, 'disbursed_bn', 'inf'))), err({ code: 'not_number', row: 2, column: 'allocated_bn' }, { code: 'not_number', row: 3, column: 'allocated_bn' }, { code: 'not_number', row: 4, column: 'disbursed_bn' }));
	add('budget-negative.csv', 'budget', 'a negative disbursement', csv('budget', (t) => t.set(1, 'disbursed_bn', '-6.8')), err({ code: 'below_min', row: 3, column: 'disbursed_bn' }));
	add('budget-quarter-5.csv', 'budget', 'quarter 5', csv('budget', (t) => t.set(0, 'quarter', '5')), err({ code: 'above_max', row: 2, column: 'quarter' }));
	add('budget-year-2031.csv', 'budget', 'a budget line for 2031', csv('budget', (t) => t.set(3, 'year', '2031')), err({ code: 'future_date', row: 5, column: 'year, quarter' }));
	add('st-tasks-huge-integer.csv', 'st_tasks', 'a budget of 99999999999999999999 (20 digits)', csv('st_tasks', (t) => t.set(0, 'budget_bn', '99999999999999999999')), err({ code: 'implausible_number', row: 2, column: 'budget_bn' }));
	add('targets-year-99999.csv', 'targets', 'target year 99999', csv('targets', (t) => t.set(0, 'target_year', '99999')), err({ code: 'above_max', row: 2, column: 'target_year' }));

	// --- duplicate keys, mixed types, long strings
	add('ocop-duplicate-key.csv', OCOP, 'certificate OCOP-34-0001 twice', csv(OCOP, (t) => t.set(2, 'certificate_id', 'OCOP-34-0001')), err({ code: 'duplicate_key', row: 4, column: 'certificate_id' }));
	add('units-duplicate-key.csv', 'units', 'unit VN@2024 twice', csv('units', (t) => t.rows.push([...t.rows[0]])), err({ code: 'duplicate_key', column: 'code, vintage' }), CATALOGUE);
	add(
		'ocop-mixed-types.csv',
		OCOP,
		'stars as 4, "bốn", 4.5, TRUE and empty',
		csv(OCOP, (t) => (t.set(0, 'stars', 'bốn'), t.set(1, 'stars', '4.5'), t.set(2, 'stars', 'TRUE'), t.set(3, 'stars', ''))),
		err({ code: 'not_integer', row: 2, column: 'stars' }, { code: 'not_integer', row: 3, column: 'stars' }, { code: 'not_integer', row: 4, column: 'stars' }, { code: 'required', row: 5, column: 'stars' })
	);
	add('ocop-long-cell.csv', OCOP, 'a 40 000-character product name (over Excel’s 32 767)', csv(OCOP, (t) => t.set(1, 'product_name', 'Bánh '.repeat(8000))), err({ code: 'cell_too_long', row: 3, column: 'product_name' }));
	add('ocop-long-cell-ok.csv', OCOP, 'a 30 000-character product name (within the limit)', csv(OCOP, (t) => t.set(1, 'product_name', 'x'.repeat(30_000))), ok(n));

	// --- the other datasets
	add('units-bad-vintage.csv', 'units', 'vintage 2023', csv('units', (t) => t.set(0, 'vintage', '2023')), err({ code: 'not_allowed', row: 2, column: 'vintage' }), CATALOGUE);
	add('indicators-bad-code.csv', 'indicators', 'indicator code "oc1"', csv('indicators', (t) => t.set(0, 'code', 'oc1')), err({ code: 'bad_pattern', row: 2, column: 'code' }), CATALOGUE);
	add('datasets-bad-provenance.csv', 'datasets', 'provenance "rumour"', csv('datasets', (t) => t.set(0, 'provenance', 'rumour')), err({ code: 'not_allowed', row: 2, column: 'provenance' }), CATALOGUE);
	// The contract's decimal point in the build; a Vietnamese thousands dot in an upload, where the change is listed in the notes.
	add('published-thousands-dot.csv', 'published_figures', '"15.590": 15.59 by the contract, 15590 read the Vietnamese way on upload', csv('published_figures', (t) => t.set(1, 'value', '15.590')), ok(rowsOf('published_figures')));
	add('startups-excel-serial.csv', 'startups', 'supported date 44692 (an Excel serial that lost its format)', csv('startups', (t) => t.set(0, 'supported_date', '44621')), err({ code: 'not_date', row: 2, column: 'supported_date' }), ok(rowsOf('startups')));
	add('st-tasks-yes-no.csv', 'st_tasks', '"có" as a yes/no value', csv('st_tasks', (t) => t.set(0, 'applied', 'có')), err({ code: 'not_boolean', row: 2, column: 'applied' }), ok(rowsOf('st_tasks')));
	add('ip-unknown-type.csv', 'ip_titles', 'IP type "trade_secret"', csv('ip_titles', (t) => t.set(0, 'ip_type', 'trade_secret')), err({ code: 'not_allowed', row: 2, column: 'ip_type' }));
	add('st-firms-revoked-before.csv', 'st_firms', 'a certificate dated 2032', csv('st_firms', (t) => t.set(0, 'certificate_date', '2032-01-01')), err({ code: 'future_date', row: 2, column: 'certificate_date' }));
	add('observations-percent.csv', 'observations', '"12%" as a value', csv('observations', (t) => t.set(0, 'value', '12%')), err({ code: 'not_number', row: 2, column: 'value' }));

	// --- XLSX
	const goodXlsx = workbook(OCOP, datasetAoa(OCOP));
	add('xlsx-valid.xlsx', OCOP, 'a sound workbook (control case)', goodXlsx, ok(n));
	add('xlsx-cut-half.xlsx', OCOP, 'a workbook cut at half its length', goodXlsx.slice(0, goodXlsx.length >> 1), err({ code: 'damaged_xlsx' }));
	add('xlsx-cut-end.xlsx', OCOP, 'a workbook missing its last 10 bytes', goodXlsx.slice(0, goodXlsx.length - 10), err({ code: 'damaged_xlsx' }));
	add('xlsx-random-bytes.xlsx', OCOP, 'random bytes with an .xlsx name', noise(8192, 99), err({ code: 'not_xlsx' }));
	add('xlsx-is-csv.xlsx', OCOP, 'a CSV file renamed to .xlsx', good, err({ code: 'not_xlsx' }));
	add('xlsx-empty.xlsx', OCOP, 'a 0-byte .xlsx', new Uint8Array(), err({ code: 'empty_file' }));
	{
		const b = goodXlsx.slice();
		const v = new DataView(b.buffer);
		const eocd = b.length - 22;
		v.setUint32(eocd + 16, v.getUint32(eocd + 16, true) + 7, true);
		add('xlsx-wrong-central-directory.xlsx', OCOP, 'the end record points 7 bytes past the central directory', b, err({ code: 'damaged_xlsx' }));
	}
	{
		const b = goodXlsx.slice();
		const v = new DataView(b.buffer);
		const eocd = b.length - 22;
		let p = v.getUint32(eocd + 16, true);
		for (let k = 0; k < v.getUint16(eocd + 10, true); k++) {
			// Every local-header offset moved: the directory names entries that are not there.
			v.setUint32(p + 42, v.getUint32(p + 42, true) + 3, true);
			p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
		}
		add('xlsx-wrong-offsets.xlsx', OCOP, 'central directory offsets that miss the local entries', b, err({ code: 'damaged_xlsx' }));
	}
	{
		const sheet = deflated('xl/worksheets/sheet1.xml', utf8(sheetXml(datasetAoa(OCOP) as HandCell[][])));
		sheet.data = sheet.data.slice();
		sheet.data.fill(0xff, sheet.data.length >> 2, (sheet.data.length >> 2) + 40);
		add('xlsx-corrupt-deflate.xlsx', OCOP, 'the sheet’s compressed data overwritten in the middle', zip([...packageParts(OCOP), sheet]), err({ code: 'damaged_xlsx' }));
	}
	add('xlsx-zip-bomb.xlsx', OCOP, 'a 250 KB workbook whose sheet inflates to 256 MB (sizes declared honestly)', await zipBomb(256 * 1024 * 1024), err({ code: 'unzipped_too_large' }));
	add('xlsx-zip-bomb-lying.xlsx', OCOP, 'a zip bomb whose directory claims the sheet is 2 KB', await zipBomb(256 * 1024 * 1024, { declared: 2048 }), err({ code: 'unzipped_too_large' }));
	{
		const kernel = deflated('xl/worksheets/sheet1.xml', utf8(sheetXml(datasetAoa(OCOP) as HandCell[][], undefined, `<!--${'A'.repeat(1 << 20)}-->`)));
		const parts = [...packageParts(OCOP), kernel];
		const central = [...parts.map((e, i) => ({ entry: i, name: e.name })), ...Array.from({ length: 400 }, (_, i) => ({ entry: parts.length - 1, name: `xl/worksheets/sheet${i + 2}.xml` }))];
		add('xlsx-zip-bomb-overlap.xlsx', OCOP, '400 directory entries sharing one 1 MB sheet (overlapping-entry bomb)', zip(parts, central), err({ code: 'unzipped_too_large' }));
	}
	add('xlsx-huge-dimension.xlsx', OCOP, 'a sheet declaring A1:XFD1048576 (17 billion cells) around 7 rows', handWorkbook(OCOP, sheetXml(datasetAoa(OCOP) as HandCell[][], 'A1:XFD1048576')), ok(n));
	{
		const aoa = datasetAoa(OCOP);
		const wide = aoa.map((r, i) => [...r, ...Array.from({ length: 5000 }, (_, c) => (i === 0 ? `extra${c + 1}` : null))]);
		add('xlsx-5000-columns.xlsx', OCOP, '5 000 extra header columns', workbook(OCOP, wide), err({ code: 'too_many_columns' }));
	}
	{
		const aoa = datasetAoa(OCOP) as HandCell[][];
		const rows = aoa.map((r) => [...r]);
		rows[1][2] = { f: 'HYPERLINK("http://evil.example","Bấm vào đây")', v: 'Bấm vào đây' };
		rows[2][5] = { f: 'cmd|\' /C calc\'!A0' };
		rows[3][2] = '=HYPERLINK("http://evil.example")';
		add(
			'xlsx-formulas.xlsx',
			OCOP,
			'formula cells (cached value, no cached value) and "=…" text',
			handWorkbook(OCOP, sheetXml(rows)),
			err({ code: 'required', row: 3, column: 'producer_name' }),
			err({ code: 'required', row: 3, column: 'producer_name' })
		);
	}
	{
		const rows = (datasetAoa(OCOP) as HandCell[][]).map((r) => [...r]);
		rows[1][2] = '<script>window.__pwned=1</script>';
		rows[2][5] = '<img src=x onerror="window.__pwned=1">';
		rows[3][10] = 'javascript:window.__pwned=1';
		add('xlsx-html-script.xlsx', OCOP, 'script and HTML in workbook cells', handWorkbook(OCOP, sheetXml(rows)), ok(n));
	}
	{
		const aoa = datasetAoa(OCOP);
		const rows = aoa.map((r) => [...r]);
		const d = (aoa[0] as string[]).indexOf('decision_date');
		rows[1][d] = 2_958_466; // one day past 9999-12-31
		rows[2][d] = -5;
		rows[3][d] = 1e10;
		const wb = XLSX.utils.book_new();
		const ws = XLSX.utils.aoa_to_sheet(rows);
		for (const r of [2, 3, 4]) {
			const cell = ws[`${col(d)}${r}`];
			if (cell) cell.z = 'dd/mm/yyyy';
		}
		XLSX.utils.book_append_sheet(wb, ws, OCOP);
		add(
			'xlsx-serial-out-of-range.xlsx',
			OCOP,
			'date cells with serials past 9999-12-31, negative, and 1e10',
			new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', cellStyles: true }) as ArrayBuffer),
			err({ code: 'not_date', row: 2, column: 'decision_date' }, { code: 'not_date', row: 3, column: 'decision_date' }, { code: 'not_date', row: 4, column: 'decision_date' })
		);
	}
	{
		const rows = (datasetAoa(OCOP) as HandCell[][]).map((r) => [...r]);
		rows[2][2] = 'Bánh '.repeat(8000);
		add('xlsx-long-cell.xlsx', OCOP, 'a 40 000-character cell (more than Excel allows)', handWorkbook(OCOP, sheetXml(rows)), err({ code: 'cell_too_long', row: 3, column: 'product_name' }));
	}
	add('xlsx-header-only.xlsx', OCOP, 'a workbook with the header row only', workbook(OCOP, [datasetAoa(OCOP)[0]]), err({ code: 'no_rows' }));
	add('xlsx-no-cells.xlsx', OCOP, 'a workbook whose sheet has no cells', handWorkbook(OCOP, sheetXml([])), err({ code: 'empty_file' }));
	add('xlsx-stars-7.xlsx', OCOP, '7 stars typed as a number in Excel', workbook(OCOP, datasetAoa(OCOP).map((r, i) => (i === 1 ? r.map((v, c) => (c === 9 ? 7 : v)) : r))), err({ code: 'above_max', row: 2, column: 'stars' }));
	add('budget-xlsx-mixed.xlsx', 'budget', 'budget amounts as numbers, text and a boolean', workbook('budget', datasetAoa('budget').map((r, i) => (i === 1 ? r.map((v, c) => (c === 5 ? true : v)) : i === 2 ? r.map((v, c) => (c === 5 ? 'mười' : v)) : r))), err({ code: 'not_number', row: 2, column: 'allocated_bn' }, { code: 'not_number', row: 3, column: 'allocated_bn' }));

	// --- Parquet
	const types = { stars: 'INT32', decision_date: 'DATE', revoked_date: 'DATE' } as const;
	const goodPq = parquet(OCOP, () => {}, types);
	add('parquet-valid.parquet', OCOP, 'a sound Parquet file (control case)', goodPq, ok(n));
	{
		const b = goodPq.slice();
		b.set(utf8('XXXX'), b.length - 4);
		add('parquet-bad-magic.parquet', OCOP, 'the closing PAR1 magic overwritten', b, err({ code: 'damaged_parquet' }));
	}
	add('parquet-cut-footer.parquet', OCOP, 'the last 60 bytes (footer) cut off', goodPq.slice(0, goodPq.length - 60), err({ code: 'damaged_parquet' }));
	add('parquet-cut-half.parquet', OCOP, 'cut at half its length', goodPq.slice(0, goodPq.length >> 1), err({ code: 'damaged_parquet' }));
	{
		const b = goodPq.slice();
		new DataView(b.buffer).setUint32(b.length - 8, 0x7ffffff0, true);
		add('parquet-footer-length.parquet', OCOP, 'a footer claiming to be 2 GB long', b, err({ code: 'damaged_parquet' }));
	}
	{
		// The footer kept, the column data replaced by noise.
		const b = goodPq.slice();
		b.set(noise(Math.min(400, b.length - 200), 7), 4);
		add('parquet-garbled-pages.parquet', OCOP, 'column pages overwritten with noise, footer intact', b, err({ code: 'damaged_parquet' }));
	}
	add('parquet-random-bytes.parquet', OCOP, 'random bytes with a .parquet name', noise(4096, 5), err({ code: 'damaged_parquet' }));
	add('parquet-7-stars.parquet', OCOP, 'typed INT32 stars = 7', parquet(OCOP, (rows) => (rows[0][9] = '7'), types), err({ code: 'above_max', row: 2, column: 'stars' }));
	add('parquet-html.parquet', OCOP, 'script in a string column', parquet(OCOP, (rows) => (rows[0][2] = '<script>window.__pwned=1</script>'), types), ok(n));

	return cases;
}

/** The corpus as the tests read it: cases.json, without the bytes. */
export function manifest(cases: HostileCase[]): HostileCase[] {
	return cases.map(({ file, dataset, what, build, upload }) => ({ file, dataset, what, build, upload }));
}

async function main() {
	const cases = await corpus();
	rmSync(HOSTILE_DIR, { recursive: true, force: true });
	mkdirSync(HOSTILE_DIR, { recursive: true });
	let bytes = 0;
	for (const c of cases) {
		writeFileSync(path.join(HOSTILE_DIR, c.file), c.bytes);
		bytes += c.bytes.length;
	}
	writeFileSync(path.join(HOSTILE_DIR, 'cases.json'), JSON.stringify(manifest(cases), null, 1) + '\n');
	const names = new Set(cases.map((c) => c.file));
	if (names.size !== cases.length) throw new Error('duplicate file names in the corpus');
	console.log(`${cases.length} files, ${(bytes / 1024).toFixed(0)} KB in ${path.relative(process.cwd(), HOSTILE_DIR)} (${readdirSync(HOSTILE_DIR).length - 1} on disk)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
