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
