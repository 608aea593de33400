/** The headless CLI, run as a user runs it. */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = (...args: string[]) => run('./node_modules/.bin/tsx', ['scripts/kpi-cli.ts', ...args], { maxBuffer: 32 << 20 });

describe('npm run kpi', () => {
	it('--unit 34 --format json: Thái Bình OCOP target 150, actual 194, achievement 1.293, exceeded', async () => {
		const { stdout } = await cli('--unit', '34', '--format', 'json');
		const rows = JSON.parse(stdout);
		const oc01 = rows.find((r: { indicator: string }) => r.indicator === 'OC01');
		expect(oc01).toMatchObject({ unit_code: '34', target_min: 150, actual: 194, achievement: 1.293, status: 'exceeded', status_label: 'Vượt' });
		expect(oc01.sources.join(' ')).toContain('kinhtedouong.vn');
	});

	it('--format csv --lang en: Đà Nẵng startup projects 189 of 200', async () => {
		const { stdout } = await cli('--unit', '48@2024', '--format', 'csv', '--lang', 'en');
		const [header, ...lines] = stdout.trim().split('\n');
		const cols = header.split(',');
		const kn01 = lines.find((l) => l.startsWith('KN01,'))!;
		// no quoted commas before the numeric columns in this row's leading fields
		const cell = (name: string) => kn01.split(',')[cols.indexOf(name)];
		expect(cell('actual')).toBe('189');
		expect(cell('achievement')).toBe('0.945');
		expect(cell('status')).toBe('not_met');
		expect(kn01).toContain('Not met');
	});

	it('a broken file names the file, row and column, in Vietnamese and English, and exits 1', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'tiendo-cli-'));
		try {
			cpSync('data', dir, { recursive: true });
			const file = join(dir, 'ocop_products.csv');
			const lines = readFileSync(file, 'utf8').split('\n');
			const cols = lines[0].split(',');
			// a line without quoted commas, so that a plain split finds the column
			const i = lines.findIndex((l, k) => k >= 5 && !l.includes('"') && l.split(',').length === cols.length);
			const cells = lines[i].split(',');
			cells[cols.indexOf('province_code')] = '99';
			lines[i] = cells.join(',');
			writeFileSync(file, lines.join('\n'));
			const row = i + 1; // the header is row 1
			const err = await cli('--data', dir, '--unit', '34').then(
				() => null,
				(e) => e
			);
			expect(err?.code).toBe(1);
			expect(err.stderr).toMatch(/ocop_products\.csv/);
			expect(err.stderr).toContain(`dòng ${row}`);
			expect(err.stderr).toMatch(/province_code/);
			expect(err.stderr).toContain(`row ${row}`);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('an unknown unit is a clear error', async () => {
		const err = await cli('--unit', '99').then(
			() => null,
			(e) => e
		);
		expect(err?.code).toBe(2);
		expect(err.stderr).toContain('Không tìm thấy đơn vị «99»');
	});
});
