/**
 * A look inside a workbook before a spreadsheet library inflates it. @e965/xlsx trusts
 * the zip it is given: a 200 KB "XLSX" whose sheet inflates to gigabytes would take the
 * browser tab (or the build) down with it. Here the central directory is read first and
 * the declared sizes are summed; then every entry is inflated once as a stream and
 * only counted, so an entry that lies about its size is caught too — before any XML
 * is built from it. Works in Node and in the browser (DecompressionStream).
 */
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from './limits';

export type ZipVerdict =
	| { ok: true; entries: number; declared: number }
	| { ok: false; reason: 'not_zip'; detail: string }
	| { ok: false; reason: 'damaged'; detail: string }
	| { ok: false; reason: 'too_large'; declared: number; limit: number };

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

/** OLE compound file (legacy .xls, or an encrypted .xlsx): not a zip, read by the library as is. */
export function isCompoundFile(b: Uint8Array): boolean {
	return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

export function isZip(b: Uint8Array): boolean {
	return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/** What a non-zip file with a workbook name seems to be, for the message. */
function sniff(b: Uint8Array): string {
	if (b.length === 0) return 'empty';
	const head = b.subarray(0, Math.min(b.length, 512));
	let printable = 0;
	for (const x of head) if (x === 9 || x === 10 || x === 13 || (x >= 32 && x !== 127)) printable++;
	return printable / head.length > 0.95 ? 'text' : 'binary';
}

interface Entry {
	name: string;
	method: number;
	compressed: number;
	size: number;
	offset: number;
}

function centralDirectory(b: Uint8Array): Entry[] | string {
	const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
	// The end record sits in the last 22 + 65 535 bytes (its comment can be that long).
	let eocd = -1;
	for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
		if (view.getUint32(i, true) === EOCD) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) return 'end of central directory not found (the file is cut short)';
	const count = view.getUint16(eocd + 10, true);
	const cdSize = view.getUint32(eocd + 12, true);
	const cdOffset = view.getUint32(eocd + 16, true);
	if (count === 0xffff || cdOffset === 0xffffffff) return 'ZIP64 archives are not accepted for workbooks';
	if (cdOffset + cdSize > eocd) return 'the central directory points outside the file';
	if (count > MAX_ZIP_ENTRIES) return `too many entries (${count})`;
	const entries: Entry[] = [];
	let p = cdOffset;
	for (let k = 0; k < count; k++) {
		if (p + 46 > b.length || view.getUint32(p, true) !== CEN) return `central directory entry ${k + 1} is damaged`;
		const nameLen = view.getUint16(p + 28, true);
		const extraLen = view.getUint16(p + 30, true);
		const commentLen = view.getUint16(p + 32, true);
		entries.push({
			method: view.getUint16(p + 10, true),
			compressed: view.getUint32(p + 20, true),
			size: view.getUint32(p + 24, true),
			offset: view.getUint32(p + 42, true),
			name: new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen))
		});
		p += 46 + nameLen + extraLen + commentLen;
	}
	return entries;
}

/**
 * Check a workbook's zip structure and sizes. `limit` is the most all entries together
 * may inflate to.
 */
export async function inspectZip(b: Uint8Array, limit = MAX_UNZIPPED_BYTES): Promise<ZipVerdict> {
	if (!isZip(b)) return { ok: false, reason: 'not_zip', detail: sniff(b) };
	const cd = centralDirectory(b);
	if (typeof cd === 'string') return { ok: false, reason: 'damaged', detail: cd };
	const declared = cd.reduce((s, e) => s + e.size, 0);
	if (declared > limit) return { ok: false, reason: 'too_large', declared, limit };
	const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
	let total = 0;
	for (const e of cd) {
		if (e.offset + 30 > b.length || view.getUint32(e.offset, true) !== LOC) {
			return { ok: false, reason: 'damaged', detail: `entry ${e.name} is missing from the file` };
		}
		const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
		if (start + e.compressed > b.length) return { ok: false, reason: 'damaged', detail: `entry ${e.name} is cut short` };
		const data = b.subarray(start, start + e.compressed);
		if (e.method === 0) {
			total += data.length;
		} else if (e.method === 8) {
			const inflated = await inflatedSize(data, limit - total);
			if (inflated === 'damaged') return { ok: false, reason: 'damaged', detail: `entry ${e.name} cannot be decompressed` };
			if (inflated === 'over') return { ok: false, reason: 'too_large', declared: Math.max(declared, limit + 1), limit };
			total += inflated;
		} else return { ok: false, reason: 'damaged', detail: `entry ${e.name} uses an unsupported compression method (${e.method})` };
		if (total > limit) return { ok: false, reason: 'too_large', declared: Math.max(declared, total), limit };
	}
	return { ok: true, entries: cd.length, declared };
}

/** Bytes a raw deflate stream inflates to, counted chunk by chunk and abandoned past `budget`. */
async function inflatedSize(data: Uint8Array, budget: number): Promise<number | 'over' | 'damaged'> {
	const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
	const reader = stream.getReader();
	let n = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return n;
			n += value.byteLength;
			if (n > budget) {
				await reader.cancel().catch(() => {});
				return 'over';
			}
		}
	} catch {
		return 'damaged';
	}
}
