/**
 * Stored uploads → live tables again, each through the full check. One that no
 * longer passes (the published units changed, the stored file is missing) is left
 * out and reported; the others still apply.
 */
import type { Db } from '../db/types';
import type { FailedUpload } from './active.svelte';
import { uploadDescription } from './describe';
import { loadLookups, runUpload } from './pipeline';
import { readSheets } from './sheets';
import type { StoredUpload, UploadStore } from './store';

export async function reapplyUploads(
	db: Db,
	store: UploadStore,
	uploads: StoredUpload[]
): Promise<{ applied: string[]; failed: Record<string, FailedUpload> }> {
	const lookups = await loadLookups(db);
	const applied: string[] = [];
	const failed: Record<string, FailedUpload> = {};
	for (const u of uploads) {
		try {
			const bytes = await store.original(u);
			if (!bytes) {
				failed[u.id] = { message_vi: `không tìm thấy tệp ${u.file_name} đã lưu.`, message_en: `the stored file ${u.file_name} is missing.` };
				continue;
			}
			const read = await readSheets(bytes, u.file_name);
			const sheet = read.sheets.find((s) => s.name === u.sheet) ?? (u.sheet === null ? read.sheets[0] : undefined);
			if (!sheet) {
				failed[u.id] = { message_vi: `tệp ${u.file_name} không còn trang ${u.sheet}.`, message_en: `file ${u.file_name} has no sheet ${u.sheet}.` };
				continue;
			}
			const result = await runUpload(
				db,
				{ fileName: u.file_name, sheet, target: u.target, mapping: u.mapping, lookups },
				{ apply: true, prepare: false, describe: (rows) => uploadDescription({ ...u, rows }) }
			);
			if (result.applied) applied.push(u.id);
			else {
				const first = result.problems.find((p) => p.severity === 'error') ?? result.notes.find((n) => n.severity === 'error');
				failed[u.id] = {
					message_vi: first?.message_vi ?? 'tệp không còn hợp lệ.',
					message_en: first?.message_en ?? 'the file is no longer valid.'
				};
			}
		} catch (e) {
			const msg = String((e as Error)?.message ?? e);
			failed[u.id] = { message_vi: `lỗi khi áp dụng lại: ${msg}`, message_en: `error while applying again: ${msg}` };
		}
	}
	return { applied, failed };
}
