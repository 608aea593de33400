/**
 * The data build's fast paths against the slow ones they replace:
 *
 * - `scanCsv` (one pass over the bytes) gives what TextDecoder, `unclosedQuoteRow` and
 *   `recordRows` give on the decoded text, and never calls a file free of edge spaces or
 *   warnings when it is not (random files, fixed seed);
 * - `validateStaging` (one aggregate first, detail only where it found something) lists
 *   exactly the problems of `validateInDetail` (every detailed query) — on every file of
 *   the hostile corpus, on the minimal data and on files with spaces around values — and
 *   runs no detailed query on clean data;
 * - casting without trim() (`bare` columns) gives the same typed table;
 * - writing a table in slices gives the same rows in file order;
 * - the build's own size bound (`maxFileBytes`, the CLI's --max-file-mb) refuses a file
 *   with its own message, before reading it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { openNodeDb } from '../../src/lib/db/node';
import { toRows } from '../../src/lib/db/rows';
import type { Db } from '../../src/lib/db/types';
import { arrowStream, buildData } from '../../src/lib/data/build';
import { readDataset, type StagingTable } from '../../src/lib/data/read';
import { recordRows, scanCsv, unclosedQuoteRow } from '../../src/lib/data/read-csv';
import { validateInDetail, validateStaging } from '../../src/lib/data/validate';
import { createTypedTable } from '../../src/lib/data/typed';
import { DATASETS, datasetSpec } from '../../src/lib/data/schema';
import { MAX_BUILD_FILE_BYTES, MAX_FILE_BYTES } from '../../src/lib/data/limits';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures');
const DATA_MIN = path.join(FIXTURES, 'data-min');
const HOSTILE = path.join(FIXTURES, 'hostile');

let db: Db;
let work: string;
beforeAll(async () => {
	db = await openNodeDb();
	work = await mkdtemp(path.join(tmpdir(), 'tiendo-fast-check-'));
});
afterAll(async () => {
	await db?.close();
	if (work) await rm(work, { recursive: true, force: true });
});

// --- the byte scan ------------------------------------------------------------------------

/** What the text path computes, for comparison. */
function textWay(bytes: Uint8Array) {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		return null;
	}
	let i = 0;
	for (let q = false; i < text.length; i++) {
		if (text[i] === '"') {
			if (q && text[i + 1] === '"') i++;
			else q = !q;
		} else if (text[i] === '\n' && !q) break;
	}
	return { unclosed: unclosedQuoteRow(text), rows: recordRows(text, i + 1), body: text.slice(i + 1) };
}

/** Cells of a CSV body the way DuckDB splits them (RFC 4180, CR before LF dropped). */
function cells(body: string): string[] {
	const out: string[] = [];
	let f = '';
	let q = false;
	for (let k = 0; k < body.length; k++) {
		const ch = body[k];
		if (q) {
			if (ch === '"' && body[k + 1] === '"') (f += '"'), k++;
			else if (ch === '"') q = false;
			else f += ch;
		} else if (ch === '"') q = true;
		else if (ch === ',' || ch === '\n') out.push(f), (f = '');
		else if (ch === '\r' && body[k + 1] === '\n') continue;
		else f += ch;
	}
	out.push(f);
	return out;
}

const SPACES = /^[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]$/;
const MOJIBAKE = /[ÃÄÆ][\u0080-\u00BF]|á[º»][\u0080-\u00BF]|[\u0080-\u009F]/;
const FORMULA = /^[=@\t\r]|^[+-].*[A-Za-z(|!]/;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const PIECES = ['a', 'b', '1', '2024-05-01', ',', ',', '\n', '\n', '\r\n', '\r', '"', '""', ' ', '  ', '-', '+', '=', '@', '\t', 'ạ', 'Ã¡', 'Â', '«', '\u00a0', '\u3000', '\u2009', '–', '\uFEFF', 'x', 'Bánh cáy'];
const BAD_BYTES = [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xf0, 0x9f, 0x98, 0x80]];

describe('scanCsv', () => {
	it('agrees with the text path on 3000 random files, and errs only towards "look closer"', () => {
		const rnd = random(20261122);
		const enc = new TextEncoder();
		let vouched = 0;
		for (let n = 0; n < 3000; n++) {
			const parts: number[] = [];
			if (rnd() < 0.1) parts.push(0xef, 0xbb, 0xbf);
			parts.push(...enc.encode('h1,h2,h3\n'));
			const len = Math.floor(rnd() * 40);
			for (let k = 0; k < len; k++) {
				if (rnd() < 0.01) parts.push(...BAD_BYTES[Math.floor(rnd() * BAD_BYTES.length)]);
				else parts.push(...enc.encode(PIECES[Math.floor(rnd() * PIECES.length)]));
			}
			const bytes = new Uint8Array(parts);
			const scan = scanCsv(bytes);
			const text = textWay(bytes);
			expect(scan.utf8, `file ${n}`).toBe(text !== null);
			if (!text) continue;
			expect(scan.unclosedQuote, `file ${n}`).toBe(text.unclosed);
			expect(scan.records, `file ${n}`).toBe(text.rows.length);
			expect(scan.rows ?? text.rows.map((_, i) => i + 2), `file ${n}`).toEqual(text.rows);
			if (text.unclosed !== null) continue;
			const values = cells(text.body);
			if (values.some((v) => SPACES.test(v))) expect(scan.spaceFree, `file ${n}`).toBe(false);
			if (values.some((v) => MOJIBAKE.test(v) || FORMULA.test(v))) expect(scan.warningFree, `file ${n}`).toBe(false);
			if (scan.spaceFree && scan.warningFree) vouched++;
		}
		// The check above means something only if some files are vouched for.
		expect(vouched).toBeGreaterThan(50);
	});

	it('vouches for the plain files of data-min, and not for ones with a space or a formula', () => {
		for (const d of DATASETS) {
			const scan = scanCsv(new Uint8Array(readFileSync(path.join(DATA_MIN, `${d.name}.csv`))));
			expect(scan.utf8, d.name).toBe(true);
		}
		const ok = scanCsv(new TextEncoder().encode('a,b\n1,Bánh cáy\n2,"x, y"\n'));
		expect(ok).toMatchObject({ spaceFree: true, warningFree: true, records: 2, rows: null });
		expect(scanCsv(new TextEncoder().encode('a,b\n1,x \n')).spaceFree).toBe(false);
		expect(scanCsv(new TextEncoder().encode('a,b\n1,"\u00a0x"\n')).spaceFree).toBe(false);
		expect(scanCsv(new TextEncoder().encode('a,b\n1,=SUM(A1)\n')).warningFree).toBe(false);
		expect(scanCsv(new TextEncoder().encode('a,b\n1,"\r\nx"\n')).warningFree).toBe(false);
		expect(scanCsv(new TextEncoder().encode('a,b\r\n1,x\r\n')).warningFree).toBe(true);
		expect(scanCsv(new TextEncoder().encode('a,b\n1,x\n\n2,y\n')).rows).toEqual([2, 4]);
	});
});

// --- screening vs detail ------------------------------------------------------------------

const CASES = JSON.parse(readFileSync(path.join(HOSTILE, 'cases.json'), 'utf8')) as { file: string; dataset: string }[];

async function stage(file: string, dataset: string, bytes: Uint8Array): Promise<StagingTable | null> {
	const read = await readDataset(db, { spec: datasetSpec(dataset)!, file, bytes, table: 'stg_fast_check' });
	return read.staging;
}

/** Counts the detailed queries: those listing rows (ORDER BY row … LIMIT), which the screen never does. */
function counting(inner: Db): { db: Db; detailed: () => number } {
	let n = 0;
	const wrapped: Db = {
		...inner,
		query: (sql, params) => {
			if (/ORDER BY row/.test(sql)) n++;
			return inner.query(sql, params);
		}
	};
	return { db: wrapped, detailed: () => n };
}

describe('validateStaging lists what the detailed checks list', () => {
	it('on every readable file of the hostile corpus', async () => {
		let compared = 0;
		let withProblems = 0;
		for (const c of CASES) {
			const st = await stage(c.file, c.dataset, new Uint8Array(readFileSync(path.join(HOSTILE, c.file))));
			if (!st) continue;
			const fast = await validateStaging(db, st);
			const slow = await validateInDetail(db, st);
			expect(fast.problems, c.file).toEqual(slow.problems);
			expect(fast.omitted, c.file).toBe(slow.omitted);
			compared++;
			if (slow.problems.length > 0) withProblems++;
		}
		expect(compared).toBeGreaterThan(30);
		expect(withProblems).toBeGreaterThan(15);
	});

	it('on the minimal data set, without running a detailed query', async () => {
		const { db: counted, detailed } = counting(db);
		for (const d of DATASETS) {
			const st = await stage(`${d.name}.csv`, d.name, new Uint8Array(readFileSync(path.join(DATA_MIN, `${d.name}.csv`))));
			expect(st, d.name).not.toBeNull();
			const fast = await validateStaging(counted, st!);
			expect(fast.problems, d.name).toEqual([]);
			expect(fast.bare, d.name).toEqual(d.columns.filter((c) => st!.columns.includes(c.name)).map((c) => c.name));
			expect((await validateInDetail(db, st!)).problems, d.name).toEqual([]);
		}
		expect(detailed()).toBe(0);
	});

	it('on values with spaces around them: trimmed as before, duplicates found after trimming', async () => {
		const header = 'certificate_id,product_id,product_name,product_group,producer_id,producer_name,producer_type,province_code,district_code,stars,decision_no,decision_date,revoked_date,provenance';
		const row = (id: string, stars: string, name = 'Bánh cáy', date = '2022-05-11') =>
			`${id},P-1,${name},food,PR-1,HTX,cooperative,34,336,${stars},1/QĐ,${date},,calibrated`;
		const csv = [
			header,
			row('OCOP-1', ' 4'),
			row('OCOP-2', '5 ', 'Chè\u00a0'),
			row(' OCOP-1', '3'),
			row('OCOP-3', '\u30004', 'x', ' 2023-01-02'),
			row('OCOP-4', ' mười '),
			row('OCOP-5', '3', '  ')
		].join('\n');
		const st = await stage('spaces.csv', 'ocop_products', new TextEncoder().encode(csv));
		expect(st!.spaceFree).toBe(false);
		const fast = await validateStaging(db, st!);
		const slow = await validateInDetail(db, st!);
		expect(fast.problems).toEqual(slow.problems);
		// Found only with trimming: the duplicate key, "mười", and a name of spaces only.
		expect(fast.problems.map((p) => [p.code, p.row])).toEqual(
			expect.arrayContaining([
				['duplicate_key', 4],
				['not_integer', 6],
				['required', 7]
			])
		);
		expect(fast.bare).not.toContain('stars');
		expect(fast.bare).not.toContain('certificate_id');
		expect(fast.bare).toContain('product_group');
	});
});

describe('casting without trim() where nothing needs trimming', () => {
	it('gives the same typed tables as casting with it', async () => {
		const files: [string, string, Uint8Array][] = DATASETS.map((d) => [
			`${d.name}.csv`,
			d.name,
			new Uint8Array(readFileSync(path.join(DATA_MIN, `${d.name}.csv`)))
		]);
		files.push(['spaced.csv', 'startups', new TextEncoder().encode(
			'project_id,project_name,province_code,district_code,sector,support_org,supported_date,incubated_at_centre,firm_founded_date,capital_raised_date,capital_raised_bn,provenance\n' +
				'KN-1, Dự án ,34,,IT,Org, 2024-01-02,true ,,,2.5 ,calibrated\nKN-2,B,34,,IT,Org,2024-01-03,false,,,,calibrated\n'
		)]);
		for (const [file, dataset, bytes] of files) {
			const st = (await stage(file, dataset, bytes))!;
			const checked = await validateStaging(db, st);
			await createTypedTable(db, st, { target: 'typed_bare', bare: checked.bare });
			await createTypedTable(db, st, { target: 'typed_trim' });
			const bare = toRows(await db.query(`SELECT * FROM typed_bare ORDER BY __row`));
			const trimmed = toRows(await db.query(`SELECT * FROM typed_trim ORDER BY __row`));
			expect(bare, file).toEqual(trimmed);
			expect(bare.length, file).toBe(st.rows);
		}
		const spaced = toRows<{ project_name: string; capital_raised_bn: number }>(await db.query(`SELECT * FROM typed_bare ORDER BY __row`));
		expect(spaced[0]).toMatchObject({ project_name: 'Dự án', capital_raised_bn: 2.5 });
	});
});

describe('arrowStream', () => {
	it('writes the same rows in file order whatever the slice, blank lines and all', async () => {
		const spec = datasetSpec('budget')!;
		const text = (await readFile(path.join(DATA_MIN, 'budget.csv'), 'utf8')).split('\n');
		// Blank lines move the file rows away from DuckDB's row numbers.
		const csv = [text[0], text[1], '', text[2], '', '', ...text.slice(3)].join('\n');
		const st = (await stage('budget.csv', 'budget', new TextEncoder().encode(csv)))!;
		await createTypedTable(db, { ...st, table: st.table }, { target: 'budget' });
		const whole = toRows(tableFromIPC((await arrowStream(db, spec, st.rows)).ipc));
		const sliced = await arrowStream(db, spec, st.rows, 2);
		expect(sliced.rows).toBe(st.rows);
		expect(toRows(tableFromIPC(sliced.ipc))).toEqual(whole);
		const ordered = toRows(await db.query(`SELECT ${spec.columns.map((c) => c.name).join(', ')} FROM budget ORDER BY __row`));
		expect(whole).toEqual(ordered);
		expect(toRows<{ r: number }>(await db.query(`SELECT __row AS r FROM budget ORDER BY __row LIMIT 3`)).map((x) => x.r)).toEqual([2, 4, 7]);
		await db.query('DROP TABLE budget');
	});
});

// --- the build's size bound ---------------------------------------------------------------

describe("the build's own file-size bound", () => {
	async function copy(name: string) {
		const dir = path.join(work, name);
		await cp(DATA_MIN, path.join(dir, 'data'), { recursive: true });
		return { data: path.join(dir, 'data'), out: path.join(dir, 'out') };
	}

	it('is far above the upload bound by default (the CLI), and a bound passed refuses a larger file with its own message', async () => {
		expect(MAX_BUILD_FILE_BYTES).toBeGreaterThanOrEqual(10 * MAX_FILE_BYTES);
		const f = await copy('bound');
		// Larger than every other file of data-min, so only this one is refused.
		await writeFile(path.join(f.data, 'ocop_products.csv'), (await readFile(path.join(f.data, 'ocop_products.csv'), 'utf8')) + '\n'.repeat(70_000));
		const bound = 65_000;
		const r = await buildData({ dataDir: f.data, outDir: f.out, db, maxFileBytes: bound });
		expect(r.ok).toBe(false);
		expect(r.manifest).toBeNull();
		const refused = r.problems.filter((p) => p.severity === 'error');
		expect(refused).toHaveLength(1);
		expect(refused[0]).toMatchObject({ code: 'too_large_for_build', file: path.join(f.data, 'ocop_products.csv'), row: null });
		expect(refused[0].message_vi).toBe(
			`Tệp ${path.join(f.data, 'ocop_products.csv')}: tệp quá lớn cho bản dựng dữ liệu (0.1 MB; tối đa 0.1 MB). Hãy tách tệp, hoặc nâng giới hạn bằng tùy chọn --max-file-mb nếu máy dựng đủ bộ nhớ.`
		);
		expect(refused[0].message_en).toContain('too large for the data build');
		expect(refused[0].message_en).toContain('--max-file-mb');
		// Refused from its size, not read: its stats are absent.
		expect(r.stats.map((s) => s.name)).not.toContain('ocop_products');
		expect(r.stats.map((s) => s.name)).toContain('startups');

		// At the bound exactly, read (and a file of blank lines after the data is fine).
		const at = await buildData({ dataDir: f.data, outDir: f.out, db, maxFileBytes: (await stat(path.join(f.data, 'ocop_products.csv'))).size });
		expect(at.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(at.ok).toBe(true);
	});

	it('scripts/build-data.ts takes it as --max-file-mb', async () => {
		const f = await copy('cli');
		const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', '--data', f.data, '--out', f.out, '--max-file-mb', '0.001'], {
			cwd: ROOT,
			encoding: 'utf8'
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('the file is too large for the data build');
		expect(run.stderr).toContain('at most 0 MB');
		const ok = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', '--data', f.data, '--out', f.out], { cwd: ROOT, encoding: 'utf8' });
		expect(ok.status, ok.stderr).toBe(0);
		expect(ok.stdout).toMatch(/ocop_products +6 rows .*\(read +\d+, check +\d+, refs +\d+, write +\d+\)/);
	}, 60_000);
});
