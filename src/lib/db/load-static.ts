import type { Db } from './types';
import type { Manifest } from '../data/manifest';

/** The part of `fetch` used here, so Node tests can serve files from disk. */
export type FetchLike = (
	url: string,
	init?: { cache?: 'no-cache' | 'default' }
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown>; arrayBuffer(): Promise<ArrayBuffer> }>;

/**
 * Load the published data (manifest.json + one Arrow IPC file per dataset) into `db`,
 * replacing tables of the same name. Downloads run in parallel; inserts run one after
 * the other, as each download is in (a DuckDB connection executes one statement at a
 * time). The browser starts through kpi/start.ts instead, which can defer tables.
 */
export async function loadStaticData(db: Db, baseUrl: string, fetchFn: FetchLike = (url, init) => fetch(url, init)): Promise<Manifest> {
	const base = baseUrl.replace(/\/+$/, '');
	// The manifest is tiny and names the current files, so always revalidate it; the
	// Arrow URLs carry the source hash, so a cached copy is never stale.
	const manifest = (await (await checked(fetchFn, `${base}/manifest.json`, { cache: 'no-cache' })).json()) as Manifest;
	const downloads = manifest.datasets.map((d) => download(fetchFn, base, d.file, d.sha256));
	// The no-op catch keeps a later failure from being reported as unhandled while an
	// earlier one is awaited (it is rethrown when its turn comes).
	for (const d of downloads) d.catch(() => {});
	for (let i = 0; i < downloads.length; i++) {
		await db.insertArrowIPC(manifest.datasets[i].name, await downloads[i], { replace: true });
	}
	return manifest;
}

/** One published file; the hash in the URL makes a cached copy safe to reuse. */
export async function download(fetchFn: FetchLike, base: string, file: string, sha256: string): Promise<Uint8Array> {
	const url = `${base.replace(/\/+$/, '')}/${file}?v=${sha256.slice(0, 16)}`;
	return new Uint8Array(await (await checked(fetchFn, url)).arrayBuffer());
}

export async function checked(fetchFn: FetchLike, url: string, init?: Parameters<FetchLike>[1]) {
	const res = await fetchFn(url, init);
	if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
	return res;
}
