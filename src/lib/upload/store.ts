/**
 * Uploaded files kept in the browser — nothing is sent anywhere. The original bytes
 * are stored with the mapping chosen for them, so after a reload (or a browser
 * restart) the same sheet is read, normalised and validated again against the
 * current published data, exactly as on the day it was uploaded.
 *
 * Storage is the Origin Private File System (navigator.storage.getDirectory), or
 * IndexedDB where OPFS cannot write. Writes never overwrite: file contents go under
 * content-addressed names, then a new numbered manifest is written, and only then
 * are older manifests and unreferenced files deleted. A reload in the middle of a
 * write therefore finds the previous manifest and the files it names intact; a
 * half-written manifest does not parse and is skipped.
 */
import type { SheetMapping, Target } from './normalise';

/** The few file operations the upload store needs; OPFS, IndexedDB and memory (tests) implement them. */
export interface FileStore {
	kind: 'opfs' | 'indexeddb' | 'memory';
	list(): Promise<string[]>;
	read(name: string): Promise<Uint8Array | null>;
	write(name: string, bytes: Uint8Array): Promise<void>;
	remove(name: string): Promise<void>;
}

export interface StoredUpload {
	id: string;
	file_name: string;
	/** Sheet of a workbook; null for CSV, JSON, Parquet. */
	sheet: string | null;
	target: Target;
	mapping: SheetMapping;
	/** ISO date-time of the upload. */
	uploaded_at: string;
	rows: number;
	sha256: string;
	/** Name of the stored original in the FileStore. */
	blob: string;
	bytes: number;
}

export interface UploadManifest {
	version: 1;
	seq: number;
	saved_at: string;
	uploads: StoredUpload[];
}

const MANIFEST = /^manifest-(\d{8})\.json$/;
const manifestName = (seq: number) => `manifest-${String(seq).padStart(8, '0')}.json`;
export const blobName = (sha256: string) => `blob-${sha256}.bin`;
const EMPTY: UploadManifest = { version: 1, seq: 0, saved_at: '', uploads: [] };

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export type WriteStep = 'blob' | 'manifest' | 'cleanup';

/**
 * Each step of a write is announced on <html data-upload-write="blob|manifest|cleanup">
 * and to an optional page-level hook, `window.__tiendoStoreHook(step, name)`, which may
 * return a promise to hold the write there. Nothing in the app sets the hook: the
 * end-to-end test of an interrupted upload (tests/e2e/nothing-lost.e2e.ts) does, to kill
 * the page at a known step.
 */
async function writeStep(step: WriteStep | null, name: string): Promise<void> {
	if (typeof document !== 'undefined') {
		if (step) document.documentElement.dataset.uploadWrite = step;
		else delete document.documentElement.dataset.uploadWrite;
	}
	const hook = (globalThis as { __tiendoStoreHook?: (step: WriteStep, name: string) => unknown }).__tiendoStoreHook;
	if (step && typeof hook === 'function') await hook(step, name);
}

export class UploadStore {
	// One write at a time: two tabs of the same page share nothing, but two clicks do.
	private queue: Promise<unknown> = Promise.resolve();

	constructor(readonly files: FileStore) {}

	/** The newest manifest that parses and whose files are all present. */
	async manifest(): Promise<UploadManifest> {
		const names = await this.files.list();
		const present = new Set(names);
		const manifests = names
			.map((n) => MANIFEST.exec(n))
			.filter((m): m is RegExpExecArray => m !== null)
			.sort((a, b) => Number(b[1]) - Number(a[1]));
		for (const m of manifests) {
			const bytes = await this.files.read(m[0]);
			if (!bytes) continue;
			try {
				const parsed = JSON.parse(new TextDecoder().decode(bytes)) as UploadManifest;
				if (parsed.version !== 1 || !Array.isArray(parsed.uploads)) continue;
				if (!parsed.uploads.every((u) => present.has(u.blob))) continue;
				return parsed;
			} catch {
				// Half-written: fall back to the one before.
			}
		}
		return EMPTY;
	}

	async original(entry: StoredUpload): Promise<Uint8Array | null> {
		return this.files.read(entry.blob);
	}

	/**
	 * Store `uploads` as the new list; `originals` holds the bytes of entries whose
	 * file is not stored yet (keyed by blob name).
	 */
	save(uploads: StoredUpload[], originals: Map<string, Uint8Array> = new Map()): Promise<UploadManifest> {
		const run = this.queue.then(() => this.write(uploads, originals));
		this.queue = run.catch(() => {});
		return run;
	}

	/** Change the list with `edit` (read, edit, save as one queued step). */
	update(edit: (current: StoredUpload[]) => StoredUpload[], originals: Map<string, Uint8Array> = new Map()): Promise<UploadManifest> {
		const run = this.queue.then(async () => this.write(edit((await this.manifest()).uploads), originals));
		this.queue = run.catch(() => {});
		return run;
	}

	private async write(uploads: StoredUpload[], originals: Map<string, Uint8Array>): Promise<UploadManifest> {
		try {
			const before = await this.files.list();
			const present = new Set(before);
			for (const [name, bytes] of originals) {
				if (present.has(name) || !uploads.some((u) => u.blob === name)) continue;
				await writeStep('blob', name);
				await this.files.write(name, bytes);
			}
			const current = await this.manifest();
			const seq = Math.max(current.seq, ...before.map((n) => Number(MANIFEST.exec(n)?.[1] ?? 0))) + 1;
			const next: UploadManifest = { version: 1, seq, saved_at: new Date().toISOString(), uploads };
			const name = manifestName(seq);
			await writeStep('manifest', name);
			await this.files.write(name, new TextEncoder().encode(JSON.stringify(next, null, 1)));
			// The new manifest is in place: older manifests and files nobody names can go.
			await writeStep('cleanup', name);
			const keep = new Set([name, ...uploads.map((u) => u.blob)]);
			for (const n of await this.files.list()) {
				if (!keep.has(n)) await this.files.remove(n).catch(() => {});
			}
			return next;
		} finally {
			await writeStep(null, '');
		}
	}
}

export function memoryStore(): FileStore & { data: Map<string, Uint8Array> } {
	const data = new Map<string, Uint8Array>();
	return {
		kind: 'memory',
		data,
		async list() {
			return [...data.keys()];
		},
		async read(name) {
			return data.get(name)?.slice() ?? null;
		},
		async write(name, bytes) {
			data.set(name, bytes.slice());
		},
		async remove(name) {
			data.delete(name);
		}
	};
}

const DIR = 'tiendo-uploads';

/** The Origin Private File System, if this browser can write to it from a page. */
export async function opfsStore(): Promise<FileStore | null> {
	try {
		if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
		if (typeof FileSystemFileHandle === 'undefined' || !('createWritable' in FileSystemFileHandle.prototype)) return null;
		const root = await navigator.storage.getDirectory();
		const dir = await root.getDirectoryHandle(DIR, { create: true });
		const missing = (e: unknown) => (e as DOMException)?.name === 'NotFoundError';
		return {
			kind: 'opfs',
			async list() {
				const names: string[] = [];
				for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
				return names;
			},
			async read(name) {
				try {
					const file = await (await dir.getFileHandle(name)).getFile();
					return new Uint8Array(await file.arrayBuffer());
				} catch (e) {
					if (missing(e)) return null;
					throw e;
				}
			},
			async write(name, bytes) {
				const handle = await dir.getFileHandle(name, { create: true });
				// The writable writes to a swap file and replaces the file on close().
				const w = await handle.createWritable();
				try {
					await w.write(bytes as Uint8Array<ArrayBuffer>);
					await w.close();
				} catch (e) {
					await w.abort().catch(() => {});
					throw e;
				}
			},
			async remove(name) {
				try {
					await dir.removeEntry(name);
				} catch (e) {
					if (!missing(e)) throw e;
				}
			}
		};
	} catch {
		return null;
	}
}

/** IndexedDB, one object store of files keyed by name. */
export async function idbStore(): Promise<FileStore | null> {
	if (typeof indexedDB === 'undefined') return null;
	const db = await new Promise<IDBDatabase | null>((resolve) => {
		const req = indexedDB.open(DIR, 1);
		req.onupgradeneeded = () => req.result.createObjectStore('files');
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => resolve(null);
	});
	if (!db) return null;
	const tx = <T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> =>
		new Promise((resolve, reject) => {
			const t = db.transaction('files', mode);
			const req = op(t.objectStore('files'));
			t.oncomplete = () => resolve(req.result);
			t.onerror = () => reject(t.error);
			t.onabort = () => reject(t.error);
		});
	return {
		kind: 'indexeddb',
		async list() {
			return (await tx('readonly', (s) => s.getAllKeys())).map(String);
		},
		async read(name) {
			const v = await tx<unknown>('readonly', (s) => s.get(name));
			return v instanceof Uint8Array ? v : v instanceof ArrayBuffer ? new Uint8Array(v) : null;
		},
		async write(name, bytes) {
			await tx('readwrite', (s) => s.put(bytes.slice(), name));
		},
		async remove(name) {
			await tx('readwrite', (s) => s.delete(name));
		}
	};
}

let shared: Promise<UploadStore> | null = null;

/** The page's store: OPFS, else IndexedDB, else memory (uploads then last until the page closes). */
export function browserUploadStore(): Promise<UploadStore> {
	shared ??= (async () => new UploadStore((await opfsStore()) ?? (await idbStore()) ?? memoryStore()))();
	return shared;
}

/** Ask the browser to keep the data when disk space runs low (no prompt in Chromium). */
export async function askPersistence(): Promise<boolean> {
	try {
		return (await navigator.storage?.persist?.()) ?? false;
	} catch {
		return false;
	}
}
