/**
 * PNG helpers without a DOM: read the size from IHDR, and say the print resolution with
 * a pHYs chunk, so Word places a 2000-pixel chart at its intended width instead of 53 cm.
 */

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

export function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

export function isPng(bytes: Uint8Array): boolean {
	return SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Width and height from the IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
	if (!isPng(bytes)) throw new Error('not a PNG');
	const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return { width: v.getUint32(16), height: v.getUint32(20) };
}

/** Pixels per metre of a pHYs chunk, if the file has one. */
export function pngDpi(bytes: Uint8Array): number | null {
	const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let at = 8;
	while (at + 8 <= bytes.length) {
		const len = v.getUint32(at);
		const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
		if (type === 'pHYs') return Math.round((v.getUint32(at + 8) * 0.0254) * 10) / 10;
		if (type === 'IDAT' || type === 'IEND') return null;
		at += 12 + len;
	}
	return null;
}

/** The PNG with a pHYs chunk of `dpi` right after IHDR (any previous pHYs is dropped). */
export function withDpi(bytes: Uint8Array, dpi: number): Uint8Array {
	if (!isPng(bytes)) throw new Error('not a PNG');
	const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const ihdrEnd = 8 + 12 + v.getUint32(8);
	const ppm = Math.round(dpi / 0.0254);
	const chunk = new Uint8Array(21);
	const c = new DataView(chunk.buffer);
	c.setUint32(0, 9);
	chunk.set([112, 72, 89, 115], 4); // "pHYs"
	c.setUint32(8, ppm);
	c.setUint32(12, ppm);
	chunk[16] = 1; // unit: metre
	c.setUint32(17, crc32(chunk.subarray(4, 17)));
	// Keep every chunk except an older pHYs.
	const rest: Uint8Array[] = [];
	let at = ihdrEnd;
	while (at + 8 <= bytes.length) {
		const len = v.getUint32(at);
		const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
		if (type !== 'pHYs') rest.push(bytes.subarray(at, at + 12 + len));
		at += 12 + len;
	}
	const size = ihdrEnd + chunk.length + rest.reduce((a, r) => a + r.length, 0);
	const out = new Uint8Array(size);
	out.set(bytes.subarray(0, ihdrEnd), 0);
	out.set(chunk, ihdrEnd);
	let o = ihdrEnd + chunk.length;
	for (const r of rest) {
		out.set(r, o);
		o += r.length;
	}
	return out;
}

/** Pixels needed for `cm` at `dpi`: A4 column 16 cm at 300 dpi → 1890. */
export const printPixels = (cm: number, dpi = 300) => Math.ceil((cm / 2.54) * dpi);
