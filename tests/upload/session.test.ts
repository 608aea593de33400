/**
 * The /data page's operations against a database loaded from built files, with the
 * store in memory: apply (swap + store in one transaction), a reload that re-applies
 * the stored uploads from their original bytes, remove, and back to published.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/lib/data/build';
import { fsFetch, openBuiltData } from '../../scripts/lib/open-data';
import type { Db } from '../../src/lib/db/types';
import { toRows } from '../../src/lib/db/rows';
import { DATASETS } from '../../src/lib/data/schema';
import { prepareKpiTables } from '../../src/lib/kpi/prepare';
import { computeScorecard, resolveUnit } from '../../src/lib/kpi/scorecard';
import { autoMapping, type Target } from '../../src/lib/upload/normalise';
import { loadLookups, type UploadInput } from '../../src/lib/upload/pipeline';
import { applyUpload, removeUpload, resetToPublished, type Session } from '../../src/lib/upload/session';
import { reapplyUploads } from '../../src/lib/upload/reapply';
import { UploadStore, memoryStore } from '../../src/lib/upload/store';
import { uploadState } from '../../src/lib/upload/active.svelte';
import { readSheets } from '../../src/lib/upload/sheets';
import { OCOP, ocopInForce } from '../fixtures/spreadsheets/truth';
import { fixtureBytes } from './fixtures';

let out: string;
let dataUrl: string;
let db: Db;
let session: Session;
const files = memoryStore();

beforeAll(async () => {
	out = mkdtempSync(path.join(tmpdir(), 'tiendo-upload-'));
	dataUrl = path.join(out, 'data');
	const built = await buildData({ dataDir: 'data', outDir: dataUrl });
	if (!built.ok) throw new Error('default data does not build');
	({ db } = await openBuiltData(dataUrl));
	session = { db, store: new UploadStore(files), dataUrl, fetchFn: fsFetch };
});
afterAll(async () => {
	await db?.close();
	rmSync(out, { recursive: true, force: true });
});

async function input(d: Db, file: string, target: Target, sheet = 0): Promise<{ input: UploadInput; bytes: Uint8Array }> {
	const bytes = fixtureBytes(file);
	const s = (await readSheets(bytes, file)).sheets[sheet];
	const spec = target.kind === 'replace' ? DATASETS.find((x) => x.name === target.dataset)! : null;
	return { bytes, input: { fileName: file, sheet: s, target, mapping: autoMapping(s, target, spec)!, lookups: await loadLookups(d) } };
}

const fingerprint = async (d: Db, table: string) =>
	toRows<{ n: number; h: string }>(await d.query(`SELECT count(*)::INTEGER AS n, md5(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR)) AS h FROM ${table} t`))[0];

const oc01 = async (d: Db) => {
	const card = await computeScorecard(d, { unit: (await resolveUnit(d, '22@2025'))!, year: 2026 });
	return card.rows.find((r) => r.indicator === 'OC01' && r.unit_vintage === '2025')!.actual;
};

const OCOP_TARGET: Target = { kind: 'replace', dataset: 'ocop_products' };

describe('upload session', () => {
	let published: { ocop: { n: number; h: string }; datasets: { n: number; h: string }; oc01: number | null };

	it('applies a valid file and stores it with its mapping', async () => {
		published = { ocop: await fingerprint(db, 'ocop_products'), datasets: await fingerprint(db, 'datasets'), oc01: await oc01(db) };
		expect(published.oc01).not.toBe(17);
		const { input: i, bytes } = await input(db, 'so-khcn-quang-ninh-ocop-2026.xlsx', OCOP_TARGET);
		const r = await applyUpload(session, i, bytes);
		expect(r.applied).toBe(true);
		const m = await session.store.manifest();
		expect(m.uploads).toHaveLength(1);
		expect(m.uploads[0]).toMatchObject({ file_name: 'so-khcn-quang-ninh-ocop-2026.xlsx', sheet: 'Danh sách', target: OCOP_TARGET, rows: 24 });
		expect(m.uploads[0].mapping.header).toEqual({ row: 3, span: 2 });
		const stored = await session.store.original(m.uploads[0]);
		expect(Buffer.from(stored!).equals(Buffer.from(bytes))).toBe(true);
		expect(uploadState.entries.map((u) => u.id)).toEqual([m.uploads[0].id]);
		expect(await oc01(db)).toBe(17);
		const [d] = toRows<{ description_vi: string; description_en: string }>(await db.query(`SELECT * FROM datasets WHERE dataset = 'ocop_products'`));
		expect(d.description_vi).toContain('tệp so-khcn-quang-ninh-ocop-2026.xlsx [Danh sách]');
		expect(d.description_en).toContain('24 rows');
	});

	it('a broken file changes neither the tables nor the store', async () => {
		const before = { ocop: await fingerprint(db, 'ocop_products'), seq: (await session.store.manifest()).seq, files: [...files.data.keys()].sort() };
		const { input: i, bytes } = await input(db, 'ocop-loi.xlsx', OCOP_TARGET);
		const r = await applyUpload(session, i, bytes);
		expect(r.applied).toBe(false);
		expect(r.problems.filter((p) => p.severity === 'error')).toHaveLength(4);
		expect(await fingerprint(db, 'ocop_products')).toEqual(before.ocop);
		expect((await session.store.manifest()).seq).toBe(before.seq);
		expect([...files.data.keys()].sort()).toEqual(before.files);
	});

	it('after a reload the stored upload is read and applied again, value for value', async () => {
		const { db: fresh } = await openBuiltData(dataUrl);
		try {
			const m = await session.store.manifest();
			const report = await reapplyUploads(fresh, session.store, m.uploads);
			expect(report.failed).toEqual({});
			await prepareKpiTables(fresh);
			expect(toRows(await fresh.query(`SELECT * FROM ocop_products ORDER BY certificate_id`))).toEqual(
				[...OCOP].sort((a, b) => a.certificate_id.localeCompare(b.certificate_id))
			);
			expect(await oc01(fresh)).toBe(ocopInForce(OCOP, '22', '2026-10-31'));
		} finally {
			await fresh.close();
		}
	});

	it('a stored upload that no longer applies is reported, the others still apply', async () => {
		const { db: fresh } = await openBuiltData(dataUrl);
		try {
			const [good] = (await session.store.manifest()).uploads;
			const missing = { ...good, id: 'gone', target: { kind: 'replace' as const, dataset: 'budget' }, blob: 'blob-missing.bin' };
			const report = await reapplyUploads(fresh, session.store, [missing, good]);
			expect(Object.keys(report.failed)).toEqual(['gone']);
			expect(report.failed.gone.message_vi).toContain('không tìm thấy tệp');
			expect(report.applied).toEqual([good.id]);
		} finally {
			await fresh.close();
		}
	});

	it('a second upload for the same dataset supersedes the first; a new table is kept alongside', async () => {
		const again = await input(db, 'so-khcn-quang-ninh-ocop-2026.xlsx', OCOP_TARGET);
		expect((await applyUpload(session, again.input, again.bytes)).applied).toBe(true);
		const summary = await input(db, 'so-khcn-quang-ninh-ocop-2026.xlsx', { kind: 'new', table: 'ocop_tong_hop' }, 1);
		expect((await applyUpload(session, summary.input, summary.bytes)).applied).toBe(true);
		const m = await session.store.manifest();
		expect(m.uploads.map((u) => u.target)).toEqual([OCOP_TARGET, { kind: 'new', table: 'ocop_tong_hop' }]);
		// Both entries share one stored original.
		expect(new Set(m.uploads.map((u) => u.blob)).size).toBe(1);
	});

	it('removing the new table drops it and forgets it', async () => {
		const id = (await session.store.manifest()).uploads.find((u) => u.target.kind === 'new')!.id;
		await removeUpload(session, id);
		const tables = toRows<{ n: number }>(await db.query(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'ocop_tong_hop'`));
		expect(tables[0].n).toBe(0);
		expect((await session.store.manifest()).uploads.map((u) => u.target.kind)).toEqual(['replace']);
	});

	it('back to published restores the published tables exactly', async () => {
		await resetToPublished(session);
		expect(await fingerprint(db, 'ocop_products')).toEqual(published.ocop);
		expect(await fingerprint(db, 'datasets')).toEqual(published.datasets);
		expect(await oc01(db)).toBe(published.oc01);
		expect((await session.store.manifest()).uploads).toEqual([]);
		expect(uploadState.entries).toEqual([]);
		expect([...files.data.keys()].filter((n) => n.startsWith('blob-'))).toEqual([]);
	});
});
