/**
 * Searches every byte of a folder for a set of needles (text as UTF-8, or raw bytes such
 * as a float64 as Arrow stores it). Compressed copies (.gz, .br) are searched after
 * decompression too, since a server may send those instead.
 *
 * One pass per file: needles are bucketed by their first four bytes, so thousands of
 * needles cost one hash lookup per byte of output.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export interface Needle {
	/** What it is, for the report: e.g. "st_tasks.task_id NV-22-2021-004". */
	label: string;
	category: string;
	bytes: Uint8Array;
	/** A number printed as text: a hit must not be part of a longer number. */
	numeric?: boolean;
}

export interface Hit {
	needle: Needle;
	file: string;
	offset: number;
}

export interface ScanResult {
	files: number;
	bytes: number;
	hits: Hit[];
}

const enc = new TextEncoder();
export const textNeedle = (category: string, label: string, text: string, numeric = false): Needle => ({ category, label, bytes: enc.encode(text), numeric });

/** The 8 bytes of a float64, little-endian: how Arrow (and DuckDB) store a DOUBLE. */
export function float64Needle(category: string, label: string, value: number): Needle {
	const b = new Uint8Array(8);
	new DataView(b.buffer).setFloat64(0, value, true);
	return { category, label, bytes: b };
}

export function listFiles(dir: string): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const p = join(d, name);
			if (statSync(p).isDirectory()) walk(p);
			else out.push(p);
		}
	};
	walk(dir);
	return out.sort();
}

const key4 = (b: Uint8Array, i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const isNumberChar = (c: number | undefined) => c !== undefined && ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2c);

export function scanBytes(hay: Uint8Array, file: string, buckets: Map<number, Needle[]>, hits: Hit[]): void {
	for (let i = 0; i + 4 <= hay.length; i++) {
		const cands = buckets.get(key4(hay, i));
		if (!cands) continue;
		for (const n of cands) {
			const len = n.bytes.length;
			if (i + len > hay.length) continue;
			let ok = true;
			for (let j = 4; j < len; j++)
				if (hay[i + j] !== n.bytes[j]) {
					ok = false;
					break;
				}
			if (!ok) continue;
			// "12.345" inside "112.3456" is not the number 12.345.
			if (n.numeric && (isNumberChar(hay[i - 1]) || (hay[i + len] !== undefined && hay[i + len] >= 0x30 && hay[i + len] <= 0x39))) continue;
			hits.push({ needle: n, file, offset: i });
		}
	}
}

export function bucketsOf(needles: Needle[]): Map<number, Needle[]> {
	const buckets = new Map<number, Needle[]>();
	for (const n of needles) {
		if (n.bytes.length < 4) throw new Error(`needle too short to be distinctive: ${n.label}`);
		const k = key4(n.bytes, 0);
		buckets.set(k, [...(buckets.get(k) ?? []), n]);
	}
	return buckets;
}

export function scanDir(dir: string, needles: Needle[]): ScanResult {
	const buckets = bucketsOf(needles);
	const hits: Hit[] = [];
	let bytes = 0;
	const files = listFiles(dir);
	for (const f of files) {
		const raw = new Uint8Array(readFileSync(f));
		bytes += raw.length;
		scanBytes(raw, f, buckets, hits);
		const unpacked = f.endsWith('.gz') ? gunzipSync(raw) : f.endsWith('.br') ? brotliDecompressSync(raw) : null;
		if (unpacked) {
			bytes += unpacked.length;
			scanBytes(new Uint8Array(unpacked), `${f} (decompressed)`, buckets, hits);
		}
	}
	return { files: files.length, bytes, hits };
}
