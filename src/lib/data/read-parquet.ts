import { parquetMetadata, parquetReadObjects, parquetSchema, type FileMetaData } from 'hyparquet';
import { MAX_UNZIPPED_BYTES } from './limits';

export interface TextTable {
	header: string[];
	rows: number[];
	columns: (string | null)[][];
}

/**
 * Parquet → text columns with hyparquet (DuckDB-WASM's parquet reader is an extension it
 * would download at run time, which an offline intranet cannot). Values are written the
 * way a CSV would hold them, so one validation serves every format. Parquet has no
 * header row, but rows are numbered as in the CSV export of the same data (first record
 * = row 2) so messages read the same whatever the format.
 */
export async function readParquetText(bytes: Uint8Array): Promise<TextTable> {
	const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	const metadata = parquetMetadata(file);
	checkParquetSize(metadata);
	const fields = parquetSchema(metadata).children.map((c) => c.element);
	const header = fields.map((f) => f.name);
	const records = await parquetReadObjects({ file, metadata });
	const columns = fields.map((f) => {
		const float = f.type === 'FLOAT';
		return records.map((r) => valueText(r[f.name], float));
	});
	return { header, rows: records.map((_, i) => i + 2), columns };
}

const utf8 = new TextDecoder();

function valueText(v: unknown, float32: boolean): string | null {
	if (v === null || v === undefined) return null;
	if (typeof v === 'string') return v.trim() === '' ? null : v;
	if (typeof v === 'number') {
		// A FLOAT column holds 0.65 as 0.6499999761581543; 7 digits is what float32 carries.
		return String(float32 ? parseFloat(v.toPrecision(7)) : v);
	}
	if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
	if (v instanceof Date) {
		const iso = v.toISOString();
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
	}
	if (v instanceof Uint8Array) return utf8.decode(v);
	return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x));
}

/** Thrown when a Parquet file would inflate past the limit; read.ts turns it into a message. */
export class ParquetTooLarge extends Error {
	constructor(readonly declared: number) {
		super(`parquet data would decompress to ${declared} bytes`);
	}
}

/** The column chunks' declared uncompressed sizes, summed before any page is read. */
export function checkParquetSize(metadata: FileMetaData, limit = MAX_UNZIPPED_BYTES): void {
	let total = 0;
	for (const rg of metadata.row_groups) {
		for (const c of rg.columns) total += Number(c.meta_data?.total_uncompressed_size ?? 0);
	}
	if (total > limit) throw new ParquetTooLarge(total);
}
