/**
 * What uploaded data the page is showing, shared by the banner (every page), the
 * /data page and the re-application of stored uploads when the database starts.
 */
import type { StoredUpload } from './store';

export interface FailedUpload {
	message_vi: string;
	message_en: string;
}

export const uploadState = $state({
	/** Stored uploads (the manifest's list). */
	entries: [] as StoredUpload[],
	/** Stored uploads that could not be applied again, by id. */
	failed: {} as Record<string, FailedUpload>,
	/** Where uploads are kept: opfs, indexeddb, or memory (lost on reload). */
	storage: null as string | null,
	loaded: false,
	/** Bumped whenever the live tables change, so views can re-run their queries. */
	version: 0
});

/** Uploads that currently replace a published dataset. */
export function activeReplacements(): StoredUpload[] {
	return uploadState.entries.filter((u) => u.target.kind === 'replace' && !uploadState.failed[u.id]);
}
