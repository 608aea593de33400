/**
 * `npm run chart`, run as a user runs it: the same input gives the same bytes (SVG and
 * PNG), the SVG carries the caption (title, "Nguồn: …", as-of date) and the page's
 * figures, the PNG is at print resolution, and a wrong code is refused in both languages.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtDefaultData } from '../report/open';

const run = promisify(execFile);
// data/ is built once for the file; each run reads it with --built (the build itself is kpi-cli.test.ts's subject).
let built: { dir: string; remove: () => void };
beforeAll(async () => {
	built = await builtDefaultData();
}, 120_000);
afterAll(() => built?.remove());
const cli = (...args: string[]) => run('./node_modules/.bin/tsx', ['scripts/chart-cli.ts', '--built', built.dir, ...args], { maxBuffer: 32 << 20 });
const dir = mkdtempSync(join(tmpdir(), 'tiendo-chart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OC01 = ['--indicator', 'OC01', '--unit', '34@2024'];

describe('npm run chart', () => {
	it('SVG: byte-for-byte the same twice, with the title, source line and the published figure', async () => {
		const [a, b] = [join(dir, 'a.svg'), join(dir, 'b.svg')];
		await Promise.all([cli(...OC01, '--format', 'svg', '--out', a), cli(...OC01, '--format', 'svg', '--out', b)]);
		const svg = readFileSync(a, 'utf8');
		expect(readFileSync(b, 'utf8')).toBe(svg);
		expect(svg.startsWith('<svg')).toBe(true);
		expect(svg).toContain('OC01 Sản phẩm OCOP đạt 3 sao trở lên còn hiệu lực');
		expect(svg).toContain('Thái Bình · 2019–2025');
		expect(svg).toContain('Nguồn: Giấy chứng nhận sản phẩm OCOP');
		expect(svg).toContain('Số liệu đến 31/10/2026');
		// The page's labels: the actual at 30/6/2025 and the target.
		expect(svg).toMatch(/>194</);
		expect(svg).toContain('Mục tiêu 2025: 150');
		expect(svg).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
	}, 180_000);

	it('PNG: the same bytes twice, at least 1890 px wide (A4 column at 300 dpi), in English', async () => {
		const [a, b] = [join(dir, 'a.png'), join(dir, 'b.png')];
		await Promise.all([cli(...OC01, '--format', 'png', '--lang', 'en', '--out', a), cli(...OC01, '--format', 'png', '--lang', 'en', '--out', b)]);
		const png = readFileSync(a);
		expect(readFileSync(b).equals(png)).toBe(true);
		expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
		const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
		expect(w).toBeGreaterThanOrEqual(1890);
		expect(Math.abs(w / h - 1000 / 560)).toBeLessThan(0.01);
	}, 180_000);

	it('an unknown indicator or unit exits 1 with a message in Vietnamese and English', async () => {
		const out = join(dir, 'x.svg');
		const failed = (p: Promise<unknown>) => p.then(() => null, (e) => e);
		const [bad, badUnit] = await Promise.all([
			failed(cli('--indicator', 'ZZ99', '--unit', '34@2024', '--out', out)),
			failed(cli('--indicator', 'OC01', '--unit', '99@2024', '--out', out))
		]);
		expect(bad?.code).toBe(1);
		expect(bad.stderr).toContain('Không có chỉ tiêu «ZZ99»');
		expect(bad.stderr).toContain('Indicator "ZZ99" is not in the catalogue');
		expect(badUnit?.code).toBe(1);
		expect(badUnit.stderr).toContain('Không tìm thấy đơn vị «99@2024»');
		expect(badUnit.stderr).toContain('Unit "99@2024" is not in units');
	}, 180_000);
});
