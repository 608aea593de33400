/**
 * The large hostile files, made at test time in a temporary folder (never committed):
 * a 200 MB CSV, a CSV of 100 000 columns, a 1 MB cell, and a zip bomb that inflates to
 * about 4 GB (and one that claims to be 2 KB). Each goes through the build-time loader
 * and the upload reader and ends in its bilingual message within a bounded time, while
 * the Node process's memory grows by far less than the file would take to load.
 * (A safety bound, not a benchmark.)
 */
import { createWriteStream, openAsBlob } from 'node:fs';
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/lib/data/build';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { MAX_COLUMNS, MAX_FILE_BYTES, MAX_UNZIPPED_BYTES } from '../../src/lib/data/limits';
import { readProblem, readSheets, readUploadedFile } from '../../src/lib/upload/sheets';
import { bigCsvChunks, lieAboutSize, table, toCsv, wideCsv, zipBomb } from '../../scripts/make-hostile';

const DATA_MIN = path.resolve(__dirname, '../fixtures/data-min');
const MB = 1024 * 1024;
let work: string;
let db: Db;

beforeAll(async () => {
	work = await mkdtemp(path.join(tmpdir(), 'tiendo-hostile-large-'));
	db = await openNodeDb();
});
afterAll(async () => {
	await db?.close();
	if (work) await rm(work, { recursive: true, force: true });
});

/** RSS and heap growth while `run` runs, sampled every 20 ms. */
async function measured<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; rss: number; heap: number }> {
	global.gc?.();
	const rss0 = process.memoryUsage().rss;
	const heap0 = process.memoryUsage().heapUsed;
	let rss = 0;
	let heap = 0;
	const sample = () => {
		const m = process.memoryUsage();
		rss = Math.max(rss, m.rss - rss0);
		heap = Math.max(heap, m.heapUsed - heap0);
	};
	const timer = setInterval(sample, 20);
	const t0 = performance.now();
	try {
		const value = await run();
		sample();
		return { value, ms: performance.now() - t0, rss, heap };
	} finally {
		clearInterval(timer);
	}
}

/** data-min with `dataset` given as `file` (copied under the dataset's name), built into a fresh output. */
async function build(name: string, dataset: string, file: string) {
	const dir = path.join(work, name);
	const data = path.join(dir, 'data');
	await cp(DATA_MIN, data, { recursive: true });
	await unlink(path.join(data, `${dataset}.csv`));
	const ext = file.split('.').pop();
	await cp(file, path.join(data, `${dataset}.${ext}`));
	const m = await measured(() => buildData({ dataDir: data, outDir: path.join(dir, 'out'), db }));
	await rm(dir, { recursive: true, force: true });
	return m;
}

const log = (what: string, m: { ms: number; rss: number; heap: number }) =>
	console.log(`${what}: ${(m.ms / 1000).toFixed(1)} s, RSS +${(m.rss / MB).toFixed(0)} MB, heap +${(m.heap / MB).toFixed(0)} MB`);

describe('a 200 MB CSV', () => {
	let file: string;
	beforeAll(async () => {
		file = path.join(work, 'ocop-200mb.csv');
		const out = createWriteStream(file);
		for (const chunk of bigCsvChunks(200 * MB)) if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
		await new Promise<void>((r) => out.end(() => r()));
	}, 120_000);

	it('the build refuses it by its size, without reading it', async () => {
		const m = await build('big', 'ocop_products', file);
		log('build, 200 MB CSV', m);
		const p = m.value.problems.find((x) => x.code === 'too_large')!;
		expect(m.value.ok).toBe(false);
		expect(p.message_vi).toContain(`tối đa ${MAX_FILE_BYTES / MB} MB`);
		expect(p.message_en).toContain(`at most ${MAX_FILE_BYTES / MB} MB`);
		expect(m.ms).toBeLessThan(20_000);
		expect(m.rss).toBeLessThan(100 * MB);
	});

	it('the upload refuses it by its size, before reading a byte', async () => {
		const blob = await openAsBlob(file);
		const m = await measured(() => readUploadedFile(new File([blob], 'ocop-200mb.csv')));
		log('upload, 200 MB CSV', m);
		expect(readProblem(m.value.read, 'ocop-200mb.csv')?.code).toBe('too_large');
		expect(m.value.bytes.length).toBe(0);
		expect(m.ms).toBeLessThan(5_000);
		expect(m.rss).toBeLessThan(50 * MB);
	});
});

describe('a CSV of 100 000 columns', () => {
	let file: string;
	beforeAll(async () => {
		file = path.join(work, 'wide.csv');
		await writeFile(file, wideCsv(100_000));
	});

	it('the build names the column count and the limit', async () => {
		const m = await build('wide', 'ocop_products', file);
		log('build, 100 000 columns', m);
		const p = m.value.problems.find((x) => x.code === 'too_many_columns')!;
		expect(p).toMatchObject({ row: 1 });
		expect(p.message_vi).toContain(`100000 cột, nhiều hơn mức tối đa ${MAX_COLUMNS} cột`);
		expect(m.ms).toBeLessThan(20_000);
		expect(m.rss).toBeLessThan(300 * MB);
	});

	it('the upload reader too', async () => {
		const bytes = new Uint8Array(await readFile(file));
		const m = await measured(() => readSheets(bytes, 'wide.csv'));
		log('upload, 100 000 columns', m);
		const p = readProblem(m.value, 'wide.csv')!;
		expect(p.code).toBe('too_many_columns');
		expect(p.message_en).toContain(`100000 columns, more than the maximum of ${MAX_COLUMNS}`);
		expect(m.ms).toBeLessThan(20_000);
		expect(m.rss).toBeLessThan(300 * MB);
	});
});

describe('a 1 MB cell', () => {
	let file: string;
	beforeAll(async () => {
		const t = table('ocop_products');
		t.rows[2][2] = 'Bánh cáy '.repeat(120_000);
		file = path.join(work, 'long-cell.csv');
		await writeFile(file, toCsv([t.header, ...t.rows]));
	});

	it('is refused with its row, column and length by the build and the upload', async () => {
		const m = await build('cell', 'ocop_products', file);
		log('build, 1 MB cell', m);
		const p = m.value.problems.find((x) => x.code === 'cell_too_long')!;
		expect(p).toMatchObject({ row: 4, column: 'product_name' });
		expect(p.message_en).toContain('1080000 characters');
		expect(p.value!.length).toBeLessThan(200);
		expect(m.ms).toBeLessThan(20_000);

		const read = await readSheets(new Uint8Array(await readFile(file)), 'long-cell.csv');
		expect(read.sheets[0].rows[3][2]).toHaveLength(1_080_000);
	});
});

describe('zip bombs disguised as XLSX', () => {
	const GB4 = 4_000_000_000;
	let honest: string;
	let lying: string;
	beforeAll(async () => {
		honest = path.join(work, 'bomb-4gb.xlsx');
		lying = path.join(work, 'bomb-lying.xlsx');
		// Fast deflate: 18 MB instead of 4 MB, made in seconds instead of half a minute.
		const bomb = await zipBomb(GB4, { level: 1 });
		await writeFile(honest, bomb);
		console.log(`zip bomb: ${(bomb.length / MB).toFixed(1)} MB inflating to ${(GB4 / 1e9).toFixed(0)} GB`);
		await writeFile(lying, lieAboutSize(bomb, 'xl/worksheets/sheet1.xml', 2048));
	}, 300_000);

	for (const [name, file] of [
		['declaring its 4 GB', () => honest],
		['claiming its sheet is 2 KB', () => lying]
	] as const) {
		it(`${name}: refused by the build and the upload without inflating past the limit`, async () => {
			const b = await build(`bomb-${name.length}`, 'ocop_products', file());
			log(`build, bomb ${name}`, b);
			const p = b.value.problems.find((x) => x.code === 'unzipped_too_large')!;
			expect(p.message_vi).toContain(`tối đa ${MAX_UNZIPPED_BYTES / MB} MB`);
			expect(b.ms).toBeLessThan(20_000);
			expect(b.rss).toBeLessThan(300 * MB);

			const bytes = new Uint8Array(await readFile(file()));
			const u = await measured(() => readSheets(bytes, 'bomb.xlsx'));
			log(`upload, bomb ${name}`, u);
			expect(readProblem(u.value, 'bomb.xlsx')?.code).toBe('unzipped_too_large');
			expect(u.ms).toBeLessThan(20_000);
			expect(u.rss).toBeLessThan(300 * MB);
		});
	}
});
