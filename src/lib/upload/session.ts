/**
 * What the /data page does with the live database and the store, each step all or
 * nothing: the table swap and the stored manifest change in the same transaction
 * (the manifest is written from inside it, just before COMMIT; if writing fails the
 * swap is rolled back).
 */
import type { Db } from '../db/types';
import type { FetchLike } from '../db/load-static';
import { uploadState } from './active.svelte';
import { sameTarget, uploadDescription } from './describe';
import { runUpload, transaction, type UploadInput, type UploadResult } from './pipeline';
import { restorePublished } from './published';
import { blobName, sha256Hex, type StoredUpload, type UploadManifest, type UploadStore } from './store';
import { ident } from '../db/sql';

export interface Session {
	db: Db;
	store: UploadStore;
	/** Where the published Arrow files are, e.g. `${base}/data`. */
	dataUrl: string;
	fetchFn?: FetchLike;
}

/** Tell the banner and the views that the stored list and the live tables changed. */
function publish(s: Session, manifest: UploadManifest | null) {
	if (manifest) uploadState.entries = manifest.uploads;
	uploadState.storage = s.store.files.kind;
	uploadState.loaded = true;
	uploadState.version++;
}

/** Check `input` and, if it passes, swap it in and store the original file with its mapping. */
export async function applyUpload(s: Session, input: UploadInput, bytes: Uint8Array): Promise<UploadResult> {
	const sha256 = await sha256Hex(bytes);
	const entry: StoredUpload = {
		id: crypto.randomUUID(),
		file_name: input.fileName,
		sheet: input.sheet.name,
		target: input.target,
		mapping: input.mapping,
		uploaded_at: new Date().toISOString(),
		rows: 0,
		sha256,
		blob: blobName(sha256),
		bytes: bytes.byteLength
	};
	let manifest: UploadManifest | null = null;
	const result = await runUpload(s.db, input, {
		apply: true,
		describe: (rows) => uploadDescription({ ...entry, rows }),
		commit: async (rows) => {
			entry.rows = rows;
			manifest = await s.store.update(
				(list) => [...list.filter((u) => !sameTarget(u.target, entry.target)), entry],
				new Map([[entry.blob, bytes]])
			);
		}
	});
	if (result.applied) {
		const failed = { ...uploadState.failed };
		for (const u of uploadState.entries) if (sameTarget(u.target, entry.target)) delete failed[u.id];
		uploadState.failed = failed;
		publish(s, manifest);
	}
	return result;
}

/** Forget one upload: its dataset goes back to the published one, its new table is dropped. */
export async function removeUpload(s: Session, id: string): Promise<void> {
	const entry = (await s.store.manifest()).uploads.find((u) => u.id === id);
	if (!entry) return;
	let manifest: UploadManifest | null = null;
	const commit = async () => {
		manifest = await s.store.update((list) => list.filter((u) => u.id !== id));
	};
	if (entry.target.kind === 'replace' && !uploadState.failed[id]) {
		await restorePublished(s.db, s.dataUrl, [entry.target.dataset], { commit, fetchFn: s.fetchFn });
	} else if (entry.target.kind === 'new') {
		const table = entry.target.table;
		await transaction(s.db, async () => {
			await s.db.query(`DROP TABLE IF EXISTS ${ident(table)}`);
			await commit();
		});
	} else await commit();
	publish(s, manifest);
}

/** Every replaced dataset back to the published data; uploaded new tables stay. */
export async function resetToPublished(s: Session): Promise<void> {
	const replaced = (await s.store.manifest()).uploads.filter((u) => u.target.kind === 'replace');
	if (replaced.length === 0) return;
	let manifest: UploadManifest | null = null;
	const live = replaced.filter((u) => !uploadState.failed[u.id]).map((u) => (u.target as { dataset: string }).dataset);
	await restorePublished(s.db, s.dataUrl, live, {
		fetchFn: s.fetchFn,
		commit: async () => {
			manifest = await s.store.update((list) => list.filter((u) => u.target.kind !== 'replace'));
		}
	});
	publish(s, manifest);
}
