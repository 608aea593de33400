import type { Db } from './types';
import type { Manifest } from '../data/manifest';

/** The part of `fetch` used here, so Node tests can serve files from disk. */
export type FetchLike = (
	url: string,
	init?: { cache?: 'no-cache' | 'default' }
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown>; arrayBuffer(): Promise<ArrayBuffer> }>;

/** The manifest and one pending download per dataset, in manifest order. */
export interface StaticFetch {
	manifest: Manifest;
	downloads: Promise<Uint8Array>[];
}

/**
 * Start downloading the published data (manifest.json + one Arrow IPC file per dataset).
 * Needs no database, so the browser runs it while DuckDB-WASM is still compiling.
 */
export async function fetchStaticData(baseUrl: string, fetchFn: FetchLike = (url, init) => fetch(url, init)): Promise<StaticFetch> {
	const base = baseUrl.replace(/\/+$/, '');
	// The manifest is tiny and names the current files, so always revalidate it; the
	// Arrow URLs carry the source hash, so a cached copy is never stale.
	const manifest = (await (await checked(fetchFn, `${base}/manifest.json`, { cache: 'no-cache' })).json()) as Manifest;
	const downloads = manifest.datasets.map((d) => download(fetchFn, base, d.file, d.sha256));
	// The no-op catch keeps a later failure from being reported as unhandled while an
	// earlier one is awaited (it is rethrown when its turn comes).
	for (const d of downloads) d.catch(() => {});
	return { manifest, downloads };
}

/**
 * Insert fetched data into `db`, replacing tables of the same name, in manifest order as
 * soon as each download is in (a DuckDB connection executes one statement at a time).
 */
export async function insertStaticData(db: Db, { manifest, downloads }: StaticFetch): Promise<Manifest> {
	for (let i = 0; i < downloads.length; i++) {
		await db.insertArrowIPC(manifest.datasets[i].name, await downloads[i], { replace: true });
	}
	return manifest;
}

/** Load the published data into `db`: fetch, then insert (see above). */
export async function loadStaticData(db: Db, baseUrl: string, fetchFn?: FetchLike): Promise<Manifest> {
	return insertStaticData(db, await fetchStaticData(baseUrl, fetchFn));
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
