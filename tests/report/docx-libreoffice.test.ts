/**
 * The DOCX opens without error in another word processor: LibreOffice headless converts
 * `npm run report`'s file for Thái Bình to PDF; the PDF has the pages a 11-target report
 * with 11 charts needs, and its text (pdftotext) has the unit, the summary line and the
 * table's OCOP figures. Needs `soffice` and poppler (scripts/ensure-libreoffice.sh);
 * without them the test is skipped locally and fails on CI.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDefaultData } from './open';
import { buildReportFile } from '../../scripts/report-cli';

const run = promisify(execFile);
const has = (cmd: string) => {
	try {
		execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
};
const tools = has('soffice') && has('pdftotext') && has('pdfinfo');
if (!tools && process.env.CI) throw new Error('LibreOffice/poppler missing: run scripts/ensure-libreoffice.sh');
if (!tools) console.warn('docx-libreoffice: soffice/pdftotext missing, skipped (bash scripts/ensure-libreoffice.sh installs them)');

const dir = mkdtempSync(join(tmpdir(), 'tiendo-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!tools)('report DOCX in LibreOffice', () => {
	it('converts to a PDF with the unit, the summary and the table', async () => {
		const { db } = await openDefaultData();
		const { bytes } = await buildReportFile(db, { unit: '34@2024', lang: 'vi' }).finally(() => db.close());
		const docx = join(dir, 'thai-binh.docx');
		writeFileSync(docx, bytes);
		// A private profile: a user's running LibreOffice (or a parallel test) cannot lock it.
		const profile = `file://${join(dir, 'profile')}`;
		const { stderr } = await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 110_000 });
		expect(readdirSync(dir)).toContain('thai-binh.pdf');
		expect(stderr).not.toMatch(/Error/i);
		const pdf = join(dir, 'thai-binh.pdf');
		const pages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf])).stdout)![1]);
		// Title, summary and a table over two pages, then 11 charts at about three a page.
		expect(pages).toBeGreaterThanOrEqual(5);
		const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
		const flat = text.replace(/\s+/g, ' ');
		expect(flat).toContain('Đơn vị: Thái Bình');
		expect(flat).toContain('Thái Bình đạt và vượt 6/11 chỉ tiêu giai đoạn 2021–2025');
		const oc01 = text.split('\n').find((l) => l.includes('129,3%'))!;
		expect(oc01).toContain('Vượt');
		expect(flat).toContain('194 sản phẩm');
		expect(flat).toMatch(/Hình 6\. OC01 Sản phẩm OCOP/);
	}, 180_000);
});
