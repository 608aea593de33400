/**
 * The upload store's write order (src/lib/upload/store.ts): new files under new
 * names, then the manifest, then deletions — so an interrupted write always leaves
 * a readable previous version.
 */
import { describe, expect, it } from 'vitest';
import { UploadStore, blobName, memoryStore, sha256Hex, type FileStore, type StoredUpload } from '../../src/lib/upload/store';

const bytes = (s: string) => new TextEncoder().encode(s);

async function entry(id: string, content: string, dataset = 'ocop_products'): Promise<[StoredUpload, Uint8Array]> {
	const b = bytes(content);
	const sha = await sha256Hex(b);
	return [
		{
			id,
			file_name: `${id}.csv`,
			sheet: null,
			target: { kind: 'replace', dataset },
			mapping: { header: { row: 0, span: 1 }, columns: ['certificate_id'], constants: {} },
			uploaded_at: '2026-11-22T08:00:00.000Z',
			rows: 1,
			sha256: sha,
			blob: blobName(sha),
			bytes: b.length
		},
		b
	];
}

/** A store that fails (as a closed tab would) on the n-th write or on a given name. */
function failing(inner: FileStore, when: (name: string, n: number) => boolean): FileStore {
	let n = 0;
	return {
		...inner,
		async write(name, b) {
			if (when(name, ++n)) throw new Error(`interrupted writing ${name}`);
			return inner.write(name, b);
		}
	};
}

describe('UploadStore', () => {
	it('hashes with SHA-256', async () => {
		expect(await sha256Hex(bytes('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});

	it('keeps the originals and the list, and cleans up what the list no longer names', async () => {
		const files = memoryStore();
		const store = new UploadStore(files);
		expect((await store.manifest()).uploads).toEqual([]);
		const [a, ab] = await entry('a', 'certificate_id\nX1\n');
		await store.save([a], new Map([[a.blob, ab]]));
		expect((await store.manifest()).uploads).toEqual([a]);
		expect(await store.original(a)).toEqual(ab);

		const [b, bb] = await entry('b', 'certificate_id\nX2\n');
		const m = await store.update((list) => [...list.filter((u) => u.id !== 'a'), b], new Map([[b.blob, bb]]));
		expect(m.seq).toBe(2);
		expect([...files.data.keys()].sort()).toEqual([b.blob, 'manifest-00000002.json'].sort());
	});

	it('an interrupted manifest write leaves the previous version readable', async () => {
		const files = memoryStore();
		const [a, ab] = await entry('a', 'one');
		await new UploadStore(files).save([a], new Map([[a.blob, ab]]));
		const [b, bb] = await entry('b', 'two');
		const broken = new UploadStore(failing(files, (name) => name.startsWith('manifest-')));
		await expect(broken.save([b], new Map([[b.blob, bb]]))).rejects.toThrow('interrupted');
		// The new original was written under its own name; the old one is untouched.
		const after = new UploadStore(files);
		expect((await after.manifest()).uploads).toEqual([a]);
		expect(await after.original(a)).toEqual(ab);
		// The next successful write removes the orphan.
		await after.save([a]);
		expect([...files.data.keys()].sort()).toEqual([a.blob, 'manifest-00000002.json'].sort());
	});

	it('a half-written manifest is skipped, and one naming a missing file too', async () => {
		const files = memoryStore();
		const [a, ab] = await entry('a', 'one');
		await new UploadStore(files).save([a], new Map([[a.blob, ab]]));
		files.data.set('manifest-00000002.json', bytes('{"version":1,"seq":2,"uploads":[{"id":'));
		expect((await new UploadStore(files).manifest()).uploads).toEqual([a]);
		const [b] = await entry('b', 'never written');
		files.data.set('manifest-00000003.json', bytes(JSON.stringify({ version: 1, seq: 3, saved_at: '', uploads: [b] })));
		expect((await new UploadStore(files).manifest()).uploads).toEqual([a]);
	});

	it('an interrupted write of the original leaves everything as it was', async () => {
		const files = memoryStore();
		const [a, ab] = await entry('a', 'one');
		await new UploadStore(files).save([a], new Map([[a.blob, ab]]));
		const before = new Map(files.data);
		const [b, bb] = await entry('b', 'two');
		await expect(new UploadStore(failing(files, (name) => name.startsWith('blob-'))).save([a, b], new Map([[b.blob, bb]]))).rejects.toThrow();
		expect(files.data).toEqual(before);
	});

	it('queues writes so two quick changes do not lose one', async () => {
		const store = new UploadStore(memoryStore());
		const [a, ab] = await entry('a', 'one');
		const [b, bb] = await entry('b', 'two', 'budget');
		await Promise.all([
			store.update((l) => [...l, a], new Map([[a.blob, ab]])),
			store.update((l) => [...l, b], new Map([[b.blob, bb]]))
		]);
		expect((await store.manifest()).uploads.map((u) => u.id)).toEqual(['a', 'b']);
	});
});
