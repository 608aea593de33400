import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import * as XLSX from '@e965/xlsx';
import { buildData, type BuildResult } from '../../src/lib/data/build';
import { openNodeDb } from '../../src/lib/db/node';
import { toRows } from '../../src/lib/db/rows';
import { loadStaticData } from '../../src/lib/db/load-static';
import type { Db } from '../../src/lib/db/types';
import type { Problem } from '../../src/lib/data/problems';
import { DATASETS, datasetSpec } from '../../src/lib/data/schema';
import { readXlsxText } from '../../src/lib/data/read-xlsx';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const DATA_MIN = path.join(FIXTURES, 'data-min');

let db: Db;
let work: string;

beforeAll(async () => {
	db = await openNodeDb();
	work = await mkdtemp(path.join(tmpdir(), 'tien-do-build-'));
});

afterAll(async () => {
	await db?.close();
	if (work) await rm(work, { recursive: true, force: true });
});

let seq = 0;
/** A fresh copy of the minimal data set, and an output folder beside it. */
async function fixture(): Promise<{ data: string; out: string }> {
	const dir = path.join(work, `case-${++seq}`);
	const data = path.join(dir, 'data');
	await cp(DATA_MIN, data, { recursive: true });
	return { data, out: path.join(dir, 'static', 'data') };
}

const build = (f: { data: string; out: string }) => buildData({ dataDir: f.data, outDir: f.out, db });

// --- a small CSV reader/writer, so tests can change one cell by column name -------------

function parseCsv(text: string): string[][] {
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

const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const toCsv = (rows: string[][]) => rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';

async function readCsvFile(data: string, name: string) {
	const [header, ...rows] = parseCsv(await readFile(path.join(data, `${name}.csv`), 'utf8'));
	return { header, rows };
}

/** Change data row `i` (0-based; it is row i + 2 in the file) of a dataset. */
async function setCell(data: string, name: string, i: number, column: string, value: string) {
	const { header, rows } = await readCsvFile(data, name);
	const c = header.indexOf(column);
	if (c < 0) throw new Error(`no column ${column} in ${name}`);
	rows[i][c] = value;
	await writeFile(path.join(data, `${name}.csv`), toCsv([header, ...rows]));
}

const errors = (r: BuildResult) => r.problems.filter((p) => p.severity === 'error');
const only = (r: BuildResult, code: string) => r.problems.filter((p) => p.code === code);

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
	const files = new Map<string, Buffer>();
	for (const name of await readdir(dir)) files.set(name, await readFile(path.join(dir, name)));
	return files;
}

async function arrowRows(out: string, name: string) {
	return toRows(tableFromIPC(await readFile(path.join(out, `${name}.arrow`))));
}

// ----------------------------------------------------------------------------------------

describe('buildData on the minimal valid data set', () => {
	let f: { data: string; out: string };
	let result: BuildResult;

	beforeAll(async () => {
		f = await fixture();
		result = await build(f);
		console.log(
			`fixture build: ${result.ms.toFixed(0)} ms (${result.stats.map((s) => `${s.name} ${s.ms.toFixed(0)}`).join(', ')})`
		);
	});

	it('succeeds without errors or warnings', () => {
		expect(result.problems).toEqual([]);
		expect(result.ok).toBe(true);
	});

	it('writes one Arrow file per dataset and a manifest', async () => {
		const files = (await readdir(f.out)).sort();
		expect(files).toEqual([...DATASETS.map((d) => `${d.name}.arrow`), 'manifest.json'].sort());
		const manifest = JSON.parse(await readFile(path.join(f.out, 'manifest.json'), 'utf8'));
		expect(manifest).toEqual(result.manifest);
		expect(manifest.as_of).toBe('2025-10-31');
		const ocop = manifest.datasets.find((d: { name: string }) => d.name === 'ocop_products');
		expect(ocop).toMatchObject({
			file: 'ocop_products.arrow',
			source_file: 'ocop_products.csv',
			rows: 6,
			provenance: 'calibrated',
			as_of: '2025-09-30',
			title_vi: 'Giấy chứng nhận sản phẩm OCOP'
		});
		expect(ocop.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(ocop.bytes).toBe((await readFile(path.join(f.out, 'ocop_products.arrow'))).byteLength);
		expect(ocop.columns[9]).toEqual({ name: 'stars', type: 'integer' });
		// Nothing left over beside the output.
		expect((await readdir(path.dirname(f.out))).filter((n) => n.startsWith('.'))).toEqual([]);
	});

	it('types the columns: integers, numbers, dates, booleans, text with leading zeros', async () => {
		const ocop = await arrowRows(f.out, 'ocop_products');
		expect(ocop[2]).toMatchObject({
			product_name: 'Bánh cáy làng Nguyễn, hộp 500 g',
			province_code: '34',
			stars: 5,
			decision_date: '2025-03-15',
			revoked_date: null
		});
		const startups = await arrowRows(f.out, 'startups');
		expect(startups.map((r) => r.incubated_at_centre)).toEqual([true, false, true]);
		expect(startups[0].capital_raised_bn).toBe(2.5);
		const firms = await arrowRows(f.out, 'st_firms');
		expect(firms[2].firm_id).toBe('0900111222');
		const figures = await arrowRows(f.out, 'published_figures');
		expect(figures[1].value).toBe(15590);
	});

	it('loadStaticData loads the output into DuckDB with the typed schema', async () => {
		const other = await openNodeDb();
		try {
			const manifest = await loadStaticData(other, f.out, async (url) => {
				const bytes = await readFile(url.split('?')[0]);
				return {
					ok: true,
					status: 200,
					json: async () => JSON.parse(bytes.toString('utf8')),
					arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
				};
			});
			expect(manifest.datasets).toHaveLength(DATASETS.length);
			const types = toRows<{ column_name: string; column_type: string }>(await other.query('DESCRIBE ocop_products'));
			expect(Object.fromEntries(types.map((t) => [t.column_name, t.column_type]))).toMatchObject({
				province_code: 'VARCHAR',
				stars: 'INTEGER',
				decision_date: 'DATE'
			});
			expect(types.some((t) => t.column_name === '__row')).toBe(false);
			const counts = toRows(
				await other.query(
					`SELECT (SELECT count(*) FROM ocop_products) AS ocop, (SELECT sum(allocated_bn) FROM budget) AS allocated`
				)
			);
			expect(counts[0]).toEqual({ ocop: 6, allocated: 79.25 });
		} finally {
			await other.close();
		}
	});
});

describe('buildData reports problems with file, row and column', () => {
	const expectOne = (r: BuildResult, code: string): Problem => {
		expect(r.ok).toBe(false);
		expect(r.manifest).toBeNull();
		const found = only(r, code);
		expect(found, JSON.stringify(errors(r), null, 1)).toHaveLength(1);
		return found[0];
	};

	it('an unknown province code in ocop_products', async () => {
		const f = await fixture();
		await setCell(f.data, 'ocop_products', 1, 'province_code', '99');
		const r = await build(f);
		const p = expectOne(r, 'unknown_province');
		expect(p).toMatchObject({
			file: path.join(f.data, 'ocop_products.csv'),
			row: 3,
			column: 'province_code',
			value: '99'
		});
		expect(p.message_vi).toBe(
			`Tệp ${p.file}, dòng 3, cột province_code: mã tỉnh «99» không có trong danh mục đơn vị hành chính (units).`
		);
		expect(p.message_en).toContain(`File ${p.file}, row 3, column province_code:`);
		// The district of that record is not reported again as "not in province 99".
		expect(errors(r)).toHaveLength(1);
	});

	it('a province that no longer exists on the record date (Thái Bình after 2025-07-01)', async () => {
		const f = await fixture();
		await setCell(f.data, 'ocop_products', 4, 'province_code', '34');
		const p = expectOne(await build(f), 'province_not_valid');
		expect(p).toMatchObject({ row: 6, column: 'province_code', value: '34' });
		expect(p.message_vi).toContain('không có hiệu lực vào ngày 10/9/2025 (theo cột decision_date)');
		expect(p.message_en).toContain('is not in force on 2025-09-10');
	});

	it('a budget line dated by year and quarter is checked the same way', async () => {
		const f = await fixture();
		await setCell(f.data, 'budget', 3, 'province_code', '34'); // 2025 Q3
		const p = expectOne(await build(f), 'province_not_valid');
		expect(p).toMatchObject({ file: path.join(f.data, 'budget.csv'), row: 5, column: 'province_code' });
	});

	it('a district outside the record\'s province', async () => {
		const f = await fixture();
		await setCell(f.data, 'st_firms', 0, 'district_code', '323'); // 323 is in Hưng Yên, the firm in Thái Bình
		const p = expectOne(await build(f), 'district_not_in_province');
		expect(p).toMatchObject({ row: 2, column: 'district_code', value: '323' });
		expect(p.message_vi).toContain('huyện «323» không thuộc tỉnh «34».');
	});

	it('text "mười" in a number column', async () => {
		const f = await fixture();
		await setCell(f.data, 'budget', 1, 'allocated_bn', 'mười');
		const p = expectOne(await build(f), 'not_number');
		const file = path.join(f.data, 'budget.csv');
		expect(p).toMatchObject({ file, row: 3, column: 'allocated_bn', value: 'mười', severity: 'error' });
		expect(p.message_vi).toBe(`Tệp ${file}, dòng 3, cột allocated_bn: «mười» không phải là số.`);
		expect(p.message_en).toBe(`File ${file}, row 3, column allocated_bn: “mười” is not a number.`);
	});

	it('a decimal comma gets a hint', async () => {
		const f = await fixture();
		await setCell(f.data, 'budget', 0, 'disbursed_bn', '3,2');
		const p = expectOne(await build(f), 'not_number');
		expect(p.message_vi).toContain('Dùng dấu chấm (.) cho phần thập phân');
	});

	it('a negative count', async () => {
		const f = await fixture();
		await setCell(f.data, 'units', 3, 'communes', '-5');
		const p = expectOne(await build(f), 'below_min');
		expect(p).toMatchObject({ file: path.join(f.data, 'units.csv'), row: 5, column: 'communes', value: '-5' });
		expect(p.message_vi).toContain('«-5» nhỏ hơn giá trị nhỏ nhất cho phép (0).');
	});

	it('stars outside 3–5, a wrong date format, a value not in the list', async () => {
		const f = await fixture();
		await setCell(f.data, 'ocop_products', 0, 'stars', '6');
		await setCell(f.data, 'ocop_products', 1, 'decision_date', '20/09/2023');
		await setCell(f.data, 'ocop_products', 2, 'product_group', 'seafood');
		const r = await build(f);
		expect(errors(r).map((p) => [p.row, p.column, p.code])).toEqual([
			[2, 'stars', 'above_max'],
			[3, 'decision_date', 'not_date'],
			[4, 'product_group', 'not_allowed']
		]);
	});

	it('a duplicate key', async () => {
		const f = await fixture();
		await setCell(f.data, 'ocop_products', 3, 'certificate_id', 'OCOP-34-0001');
		const p = expectOne(await build(f), 'duplicate_key');
		expect(p).toMatchObject({ row: 5, column: 'certificate_id', value: 'OCOP-34-0001' });
		expect(p.message_vi).toContain('trùng khóa «OCOP-34-0001» với dòng 2');
	});

	it('a target referencing an unknown indicator', async () => {
		const f = await fixture();
		await setCell(f.data, 'targets', 1, 'indicator', 'XX99');
		const p = expectOne(await build(f), 'unknown_indicator');
		expect(p).toMatchObject({ file: path.join(f.data, 'targets.csv'), row: 3, column: 'indicator', value: 'XX99' });
	});

	it('a unit code that does not exist in the given vintage', async () => {
		const f = await fixture();
		await setCell(f.data, 'observations', 3, 'unit_code', '34'); // 34 has no 2025 unit
		const p = expectOne(await build(f), 'unknown_unit');
		expect(p.message_vi).toContain('đơn vị «34» thuộc hệ 2025 không có');
	});

	it('a missing required column; an unknown column is only a warning', async () => {
		const f = await fixture();
		const { header, rows } = await readCsvFile(f.data, 'ocop_products');
		const drop = header.indexOf('stars');
		const keep = (r: string[]) => [...r.filter((_, i) => i !== drop), 'x'];
		await writeFile(path.join(f.data, 'ocop_products.csv'), toCsv([keep(header).slice(0, -1).concat('ghi_chu'), ...rows.map(keep)]));
		const r = await build(f);
		const p = expectOne(r, 'missing_column');
		expect(p).toMatchObject({ row: 1, column: 'stars' });
		expect(p.message_vi).toContain('dòng 1, cột stars: dòng tiêu đề thiếu cột bắt buộc này.');
		expect(only(r, 'unknown_column')).toMatchObject([{ column: 'ghi_chu', severity: 'warning' }]);
	});

	it('a file that is not UTF-8, and one separated by semicolons', async () => {
		const f = await fixture();
		const latin1 = Buffer.from('ip_id,province_code\nSHTT-1,34\nSHTT-2,Th\xe1i\n', 'latin1');
		await writeFile(path.join(f.data, 'ip_titles.csv'), latin1);
		const { header, rows } = await readCsvFile(f.data, 'st_tasks');
		await writeFile(path.join(f.data, 'st_tasks.csv'), [header, ...rows].map((r) => r.join(';')).join('\n'));
		const r = await build(f);
		expect(only(r, 'not_utf8')).toMatchObject([{ file: path.join(f.data, 'ip_titles.csv'), row: 3 }]);
		const delim = only(r, 'wrong_delimiter');
		expect(delim).toMatchObject([{ file: path.join(f.data, 'st_tasks.csv'), row: 1 }]);
		expect(delim[0].message_vi).toContain('có vẻ dùng «;»');
	});

	it('a row with too many columns', async () => {
		const f = await fixture();
		const text = await readFile(path.join(f.data, 'budget.csv'), 'utf8');
		await writeFile(path.join(f.data, 'budget.csv'), text.replace('34,2024,1,central,investment,20,0,calibrated', '34,2024,1,central,investment,20,0,calibrated,extra'));
		const p = expectOne(await build(f), 'csv_columns');
		expect(p).toMatchObject({ row: 4 });
		expect(p.message_en).toContain('the row has 9 columns but the header has 8');
	});

	it('counts rows as the user sees them: blank lines count, quoted line breaks do not', async () => {
		const f = await fixture();
		const { header, rows } = await readCsvFile(f.data, 'ocop_products');
		rows[0][header.indexOf('product_name')] = 'Bánh cáy\nlàng Nguyễn';
		rows[3][header.indexOf('stars')] = 'bốn';
		const lines = toCsv([header, ...rows]).split('\n');
		lines.splice(3, 0, ''); // a blank line after the second data row
		await writeFile(path.join(f.data, 'ocop_products.csv'), lines.join('\n'));
		const p = expectOne(await build(f), 'not_integer');
		// header 1, rows 2, 3, blank 4, then data rows 5 (index 2) and 6 (index 3)
		expect(p).toMatchObject({ row: 6, column: 'stars', value: 'bốn' });
	});

	it('lists at most 50 problems per file and says how many more there are', async () => {
		const f = await fixture();
		const { header } = await readCsvFile(f.data, 'budget');
		const sources = ['central', 'provincial', 'non_state'];
		const rows = Array.from({ length: 60 }, (_, i) => [
			'34', String(2001 + (i % 20)), '1', sources[Math.floor(i / 20)], 'recurrent', 'x', '0', 'calibrated'
		]);
		await writeFile(path.join(f.data, 'budget.csv'), toCsv([header, ...rows]));
		const r = await build(f);
		expect(only(r, 'not_number')).toHaveLength(50);
		expect(only(r, 'truncated')).toMatchObject([{ file: path.join(f.data, 'budget.csv') }]);
		expect(only(r, 'truncated')[0].message_en).toContain('10 more problems');
	});

	it('a file with errors of its own still has its references checked', async () => {
		const f = await fixture();
		await setCell(f.data, 'units', 3, 'communes', '-5');
		await setCell(f.data, 'ocop_products', 0, 'stars', 'bốn');
		await setCell(f.data, 'ocop_products', 1, 'province_code', '99');
		const r = await build(f);
		expect(errors(r).map((p) => [path.basename(p.file), p.row, p.column, p.code])).toEqual([
			['units.csv', 5, 'communes', 'below_min'],
			['ocop_products.csv', 2, 'stars', 'not_integer'],
			['ocop_products.csv', 3, 'province_code', 'unknown_province']
		]);
	});

	it('a missing required dataset, and two formats of one dataset', async () => {
		const f = await fixture();
		await unlink(path.join(f.data, 'st_tasks.csv'));
		await writeFile(path.join(f.data, 'budget.xlsx'), 'not really');
		const r = await build(f);
		expect(only(r, 'missing_dataset')).toMatchObject([{ file: path.join(f.data, 'st_tasks') }]);
		expect(only(r, 'duplicate_format')[0].message_en).toContain('budget.csv, budget.xlsx');
	});
});

describe('other formats load to the same rows as the CSV', () => {
	let csvOut: string;

	beforeAll(async () => {
		const f = await fixture();
		expect((await build(f)).ok).toBe(true);
		csvOut = f.out;
	});

	it('XLSX (numbers as numbers, real Excel dates, a help sheet first)', async () => {
		const f = await fixture();
		const { header, rows } = await readCsvFile(f.data, 'ocop_products');
		const serial = (iso: string) => (Date.parse(iso + 'T00:00:00Z') - Date.UTC(1899, 11, 30)) / 86_400_000;
		const aoa = [header, ...rows.map((r) => r.map((v) => (v === '' ? null : v)))];
		const ws = XLSX.utils.aoa_to_sheet(aoa);
		rows.forEach((r, i) => {
			const cell = (name: string) => XLSX.utils.encode_cell({ r: i + 1, c: header.indexOf(name) });
			ws[cell('stars')] = { t: 'n', v: Number(r[header.indexOf('stars')]) };
			// A date formatted as a date, as Excel stores it …
			ws[cell('decision_date')] = { t: 'n', v: serial(r[header.indexOf('decision_date')]), z: 'dd/mm/yyyy' };
			// … and a bare serial number in a date column.
			const revoked = r[header.indexOf('revoked_date')];
			if (revoked) ws[cell('revoked_date')] = { t: 'n', v: serial(revoked) };
		});
		const wb = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Hướng dẫn: dữ liệu ở trang ocop_products']]), 'Hướng dẫn');
		XLSX.utils.book_append_sheet(wb, ws, 'ocop_products');
		await writeFile(path.join(f.data, 'ocop_products.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
		await unlink(path.join(f.data, 'ocop_products.csv'));

		const r = await build(f);
		expect(r.problems).toEqual([]);
		expect(r.manifest?.datasets.find((d) => d.name === 'ocop_products')?.source_file).toBe('ocop_products.xlsx');
		expect(await arrowRows(f.out, 'ocop_products')).toEqual(await arrowRows(csvOut, 'ocop_products'));
	});

	it('XLSX cells arrive as the text a CSV would hold', () => {
		const ws = XLSX.utils.aoa_to_sheet([
			['indicator', 'value', 'as_of', 'note', 'flag'],
			['OC01', 15590, null, 'x', true],
			['OC01', 0.1 + 0.2, null, null, false]
		]);
		ws['C2'] = { t: 'n', v: 45839, z: 'd/m/yyyy' }; // 2025-07-01
		ws['C3'] = { t: 'n', v: 45839 }; // a bare serial in a date column
		const wb = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
		const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
		const t = readXlsxText(bytes, datasetSpec('published_figures')!);
		expect(t.header).toEqual(['indicator', 'value', 'as_of', 'note', 'flag']);
		expect(t.rows).toEqual([2, 3]);
		expect(t.columns[1]).toEqual(['15590', '0.3']);
		expect(t.columns[2]).toEqual(['2025-07-01', '2025-07-01']);
		expect(t.columns[3]).toEqual(['x', null]);
		expect(t.columns[4]).toEqual(['true', 'false']);
	});

	it('CSV with a UTF-8 byte order mark and CRLF line ends (Excel "CSV UTF-8")', async () => {
		const f = await fixture();
		const text = await readFile(path.join(f.data, 'ocop_products.csv'), 'utf8');
		await writeFile(path.join(f.data, 'ocop_products.csv'), '\uFEFF' + text.replaceAll('\n', '\r\n'));
		const r = await build(f);
		expect(r.problems).toEqual([]);
		expect(await arrowRows(f.out, 'ocop_products')).toEqual(await arrowRows(csvOut, 'ocop_products'));
	});

	it('XLSX errors name the Excel row', async () => {
		const f = await fixture();
		const { header, rows } = await readCsvFile(f.data, 'budget');
		const ws = XLSX.utils.aoa_to_sheet([header, ...rows.map((r) => r.map((v) => (/^-?[\d.]+$/.test(v) && v !== '34' && v !== '33' ? Number(v) : v)))]);
		ws[XLSX.utils.encode_cell({ r: 2, c: header.indexOf('allocated_bn') })] = { t: 's', v: 'mười' };
		ws[XLSX.utils.encode_cell({ r: 4, c: header.indexOf('province_code') })] = { t: 'n', v: 1 };
		const wb = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
		await writeFile(path.join(f.data, 'budget.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
		await unlink(path.join(f.data, 'budget.csv'));
		const r = await build(f);
		expect(errors(r).map((p) => [p.file, p.row, p.column, p.value, p.code])).toEqual([
			[path.join(f.data, 'budget.xlsx'), 3, 'allocated_bn', 'mười', 'not_number'],
			[path.join(f.data, 'budget.xlsx'), 5, 'province_code', '1', 'bad_pattern']
		]);
		expect(errors(r)[1].message_vi).toContain('số 0 ở đầu có thể đã bị mất');
	});

	it('Parquet (typed INT32 and DATE columns, written by hyparquet-writer)', async () => {
		const f = await fixture();
		await cp(path.join(FIXTURES, 'parquet', 'ocop_products.parquet'), path.join(f.data, 'ocop_products.parquet'));
		await unlink(path.join(f.data, 'ocop_products.csv'));
		const r = await build(f);
		expect(r.problems).toEqual([]);
		expect(await arrowRows(f.out, 'ocop_products')).toEqual(await arrowRows(csvOut, 'ocop_products'));
	});
});

describe('publishing is atomic', () => {
	it('a failed build leaves the previous output byte-identical', async () => {
		const f = await fixture();
		expect((await build(f)).ok).toBe(true);
		const before = await snapshot(f.out);

		await setCell(f.data, 'budget', 1, 'allocated_bn', 'mười');
		await setCell(f.data, 'ocop_products', 0, 'stars', '3'); // a valid change that must not leak out
		const r = await build(f);
		expect(r.ok).toBe(false);

		const after = await snapshot(f.out);
		expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
		for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);
		expect((await readdir(path.dirname(f.out))).filter((n) => n.startsWith('.'))).toEqual([]);
	});

	it('a successful build replaces an existing output completely', async () => {
		const f = await fixture();
		expect((await build(f)).ok).toBe(true);
		await writeFile(path.join(f.out, 'stale.arrow'), 'left from an old build');
		await setCell(f.data, 'ocop_products', 0, 'stars', '3');
		const r = await build(f);
		expect(r.ok).toBe(true);
		expect(await readdir(f.out)).not.toContain('stale.arrow');
		expect((await arrowRows(f.out, 'ocop_products'))[0].stars).toBe(3);
		expect((await readdir(path.dirname(f.out))).filter((n) => n.startsWith('.'))).toEqual([]);
	});
});
