/**
 * The query text in the URL (`?q=`), so a link carries the query: UTF-8 → raw DEFLATE
 * (CompressionStream, no library) → base64url. A 2 000-character query becomes a few
 * hundred URL-safe characters. Works the same in the browser and in Node ≥ 18.
 */

export const QUERY_PARAM = 'q';

/** Beyond this, decoded text is refused: a link must not make the tab inflate gigabytes. */
const MAX_DECODED = 1_000_000;

export async function encodeQuery(sql: string): Promise<string> {
	const packed = await pipe(new TextEncoder().encode(sql), new CompressionStream('deflate-raw'));
	return toBase64Url(packed);
}

export type Decoded = { ok: true; sql: string } | { ok: false; reason: 'base64' | 'deflate' | 'utf8' | 'too-long' };

/** Never throws: a damaged or truncated link gives a reason the page can show. */
export async function decodeQuery(param: string): Promise<Decoded> {
	let bytes: Uint8Array;
	try {
		bytes = fromBase64Url(param);
	} catch {
		return { ok: false, reason: 'base64' };
	}
	let raw: Uint8Array;
	try {
		raw = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_DECODED);
	} catch (e) {
		return { ok: false, reason: e instanceof TooLong ? 'too-long' : 'deflate' };
	}
	try {
		return { ok: true, sql: new TextDecoder('utf-8', { fatal: true }).decode(raw) };
	} catch {
		return { ok: false, reason: 'utf8' };
	}
}

class TooLong extends Error {}

async function pipe(input: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
	const writer = stream.writable.getWriter();
	// Errors surface on the reading side; the writer's own promises are only observed.
	writer.write(input as Uint8Array<ArrayBuffer>).catch(() => {});
	writer.close().catch(() => {});
	const reader = stream.readable.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > limit) {
			await reader.cancel().catch(() => {});
			throw new TooLong();
		}
		chunks.push(value);
	}
	const out = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

function toBase64Url(bytes: Uint8Array): string {
	let bin = '';
	for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
	if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new Error('not base64url');
	const bin = atob(s.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (s.length % 4)) % 4));
	return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
