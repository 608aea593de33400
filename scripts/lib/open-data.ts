/**
 * Opens DuckDB (the WASM build, as in the browser) in Node on a folder of built
 * data (manifest.json + Arrow files), or on a folder of source files in the format
 * of data/ by building it first into a temporary folder.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeDb } from '../../src/lib/db/node';
import { loadStaticData, type FetchLike } from '../../src/lib/db/load-static';
import { prepareKpiTables } from '../../src/lib/kpi/prepare';
import { buildData } from '../../src/lib/data/build';
import type { Db } from '../../src/lib/db/types';
import type { Manifest } from '../../src/lib/data/manifest';
import { deferTables, type DeferredDb } from '../../src/lib/db/deferred';
import { DEFERRABLE } from '../../src/lib/kpi/prepare';
import { recordTableLoader } from '../../src/lib/kpi/start';

/** Serves files from disk with fetch's shape; query strings are cache keys only. */
export const fsFetch: FetchLike = async (url) => {
	const path = url.replace(/\?.*$/, '');
	try {
		const bytes = readFileSync(path);
		return {
			ok: true,
			status: 200,
			json: async () => JSON.parse(bytes.toString('utf8')),
			arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
		};
	} catch {
		return { ok: false, status: 404, json: async () => null, arrayBuffer: async () => new ArrayBuffer(0) };
	}
};

export async function openBuiltData(dir: string): Promise<{ db: Db; manifest: Manifest }> {
	const db = await openNodeDb();
	const manifest = await loadStaticData(db, dir, fsFetch);
	await prepareKpiTables(db);
	return { db, manifest };
}

/**
 * As openBuiltData, for the build at large scales: the big record tables are loaded one
 * at a time while the KPI tables are prepared, and released after (db/deferred.ts), so
 * memory holds one of them at a time. A query that names one loads it again.
 */
export async function openBuiltDataLean(dir: string): Promise<{ db: DeferredDb; manifest: Manifest }> {
	const db = await openNodeDb();
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
	const loaders = new Map<string, () => Promise<void>>();
	for (const d of manifest.datasets) {
		const bytes = async () => new Uint8Array(readFileSync(join(dir, d.file)));
		if (DEFERRABLE.includes(d.name)) loaders.set(d.name, recordTableLoader(db, d.name, bytes));
		else await db.insertArrowIPC(d.name, await bytes(), { replace: true });
	}
	const lean = deferTables(db, loaders);
	await prepareKpiTables(lean, { done: (table) => lean.release(table) });
	return { db: lean, manifest };
}

/** Build `dataDir` into a temporary folder and open it; a bad file throws with every problem listed. */
export async function openDataDir(dataDir: string): Promise<{ db: Db; manifest: Manifest }> {
	const out = mkdtempSync(join(tmpdir(), 'tiendo-data-'));
	try {
		const result = await buildData({ dataDir, outDir: join(out, 'data') });
		if (!result.ok) {
			const lines = result.problems.map((p) => `${p.message_vi}\n   ${p.message_en}`);
			throw new DataError(lines.join('\n'));
		}
		return await openBuiltData(join(out, 'data'));
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
}

export class DataError extends Error {}
