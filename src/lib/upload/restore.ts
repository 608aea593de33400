/**
 * Called by the live database (kpi/live.ts) after the published data is loaded and
 * before the KPI tables are built: stored uploads are read, checked and applied
 * again. Light on purpose — the spreadsheet readers load only when something is
 * stored.
 */
import type { Db } from '../db/types';
import { uploadState } from './active.svelte';
import { browserUploadStore } from './store';

/** Returns how many stored uploads there were (applied or failed). */
export async function restoreStoredUploads(db: Db): Promise<number> {
	const store = await browserUploadStore();
	const manifest = await store.manifest();
	uploadState.storage = store.files.kind;
	uploadState.entries = manifest.uploads;
	uploadState.loaded = true;
	if (manifest.uploads.length === 0) return 0;
	const { reapplyUploads } = await import('./reapply');
	const report = await reapplyUploads(db, store, manifest.uploads);
	uploadState.failed = report.failed;
	uploadState.version++;
	return manifest.uploads.length;
}
