/** How an upload is named in the datasets table and on the banner. */
import { formatDate } from '../i18n/format';
import type { StoredUpload } from './store';

export function uploadDescription(u: Pick<StoredUpload, 'file_name' | 'sheet' | 'uploaded_at' | 'rows'>): { vi: string; en: string } {
	const day = u.uploaded_at.slice(0, 10);
	const file = u.sheet ? `${u.file_name} [${u.sheet}]` : u.file_name;
	return {
		vi: `Dữ liệu tải lên trong trình duyệt này: tệp ${file}, ngày ${formatDate('vi', day)}; ${u.rows} dòng. Không phải số liệu công bố của trang.`,
		en: `Data uploaded in this browser: file ${file}, on ${formatDate('en', day)}; ${u.rows} rows. Not the site's published data.`
	};
}

export const sameTarget = (a: StoredUpload['target'], b: StoredUpload['target']) =>
	a.kind === b.kind && (a.kind === 'replace' ? a.dataset === (b as typeof a).dataset : a.table === (b as typeof a).table);

export const targetName = (t: StoredUpload['target']) => (t.kind === 'replace' ? t.dataset : t.table);
