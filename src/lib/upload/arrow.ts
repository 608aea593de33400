/**
 * Text columns → Arrow IPC, built from raw buffers. apache-arrow's builders (used by
 * `vectorFromArray`) compile a function with `new Function`, which the site's
 * Content-Security-Policy (no 'unsafe-eval') forbids in the browser.
 */
import { Int32, Table, Utf8, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';
import type { Db } from '../db/types';
import { ROW } from '../data/staging';

const encoder = new TextEncoder();

export function utf8Vector(values: (string | null)[]): Vector<Utf8> {
	const n = values.length;
	const offsets = new Int32Array(n + 1);
	const nulls = new Uint8Array((n + 7) >> 3);
	const parts: Uint8Array[] = [];
	let size = 0;
	let nullCount = 0;
	values.forEach((v, i) => {
		if (v === null) nullCount++;
		else {
			nulls[i >> 3] |= 1 << (i & 7);
			const bytes = encoder.encode(v);
			parts.push(bytes);
			size += bytes.length;
		}
		offsets[i + 1] = size;
	});
	const data = new Uint8Array(size);
	let at = 0;
	for (const p of parts) {
		data.set(p, at);
		at += p.length;
	}
	return makeVector(makeData({ type: new Utf8(), length: n, nullCount, nullBitmap: nulls, valueOffsets: offsets, data }));
}

export function int32Vector(values: ArrayLike<number>): Vector<Int32> {
	return makeVector(makeData({ type: new Int32(), length: values.length, nullCount: 0, data: Int32Array.from(values) }));
}

/** The loader's staging table (see data/staging.ts): ROW plus one VARCHAR column per name. */
export async function stageText(
	db: Db,
	table: string,
	names: string[],
	rowNumbers: ArrayLike<number>,
	columns: (string | null)[][]
): Promise<void> {
	const vectors: Record<string, Vector> = { [ROW]: int32Vector(rowNumbers) };
	names.forEach((n, i) => {
		vectors[n] = utf8Vector(columns[i]);
	});
	await db.insertArrowIPC(table, tableToIPC(new Table(vectors), 'stream'), { replace: true });
}
