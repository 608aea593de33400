/**
 * `npm run report`, run as a user runs it: a DOCX in English for Đà Nẵng (old unit
 * 48), with the published startup figures (189 projects against 200, 94,5 %), and
 * bilingual refusals with exit code 1 for an unknown unit or a plan the unit lacks.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtDefaultData } from '../report/open';
import { zipText, wordText } from '../report/zip';

const run = promisify(execFile);
// data/ is built once for the file; each run reads it with --built (the build itself is kpi-cli.test.ts's subject).
let built: { dir: string; remove: () => void };
beforeAll(async () => {
	built = await builtDefaultData();
}, 120_000);
afterAll(() => built?.remove());
const cli = (...args: string[]) => run('./node_modules/.bin/tsx', ['scripts/report-cli.ts', '--built', built.dir, ...args], { maxBuffer: 32 << 20 });
const failed = (p: Promise<unknown>) => p.then(() => null, (e) => e);
const dir = mkdtempSync(join(tmpdir(), 'tiendo-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run report', () => {
	it('writes the DOCX, refuses an unknown unit and a missing plan', async () => {
		const out = join(dir, 'da-nang.docx');
		const [ok, badUnit, badPlan] = await Promise.all([
			cli('--unit', '48@2024', '--lang', 'en', '--out', out),
			failed(cli('--unit', '99@2024', '--out', join(dir, 'x.docx'))),
			failed(cli('--unit', '48@2024', '--plan', '2031-2035', '--out', join(dir, 'y.docx')))
		]);
		expect(ok.stderr).toMatch(/da-nang\.docx: Da Nang · 2021-2025 · \d+ biểu đồ\/charts/);
		const text = wordText(zipText(readFileSync(out), 'word/document.xml'));
		expect(text).toContain('Unit: Da Nang');
		expect(text).toContain('Report on the science, technology and innovation targets, 2021–2025');
		// KN01: 189 projects at 16/5/2025 against 200, published (NQ 328/2020/NQ-HĐND).
		expect(text).toContain('189 projects');
		expect(text).toContain('94.5%');

		expect(badUnit?.code).toBe(1);
		expect(badUnit.stderr).toContain('Không tìm thấy đơn vị «99@2024»');
		expect(badUnit.stderr).toContain('Unit "99@2024" is not in units');
		expect(badPlan?.code).toBe(1);
		expect(badPlan.stderr).toContain('không có chỉ tiêu giai đoạn «2031-2035»');
		expect(badPlan.stderr).toContain('has no targets in plan "2031-2035"');
	}, 180_000);
});
