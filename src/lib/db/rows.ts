import { Type, util, type DataType, type Table } from 'apache-arrow';

/**
 * Arrow table → plain objects, for the few components that need rows (tables, tooltips).
 * Charts and KPIs should read columns directly; this copies every value.
 *
 * Conversions make rows JSON-friendly and comparable: 64-bit integers → number,
 * DATE → 'YYYY-MM-DD', TIMESTAMP → ISO string, DECIMAL → number.
 * Types are tested by `typeId`, not `instanceof`, so tables built by another copy of
 * apache-arrow (duckdb-wasm's CJS build in Node) convert the same way.
 */
export function toRows<T = Record<string, unknown>>(table: Table): T[] {
	const fields = table.schema.fields;
	const columns = fields.map((_, i) => table.getChildAt(i));
	const convert = fields.map((f) => converter(f.type));
	const out: T[] = new Array(table.numRows);
	for (let r = 0; r < table.numRows; r++) {
		const row: Record<string, unknown> = {};
		for (let i = 0; i < fields.length; i++) {
			const v = columns[i]?.get(r);
			row[fields[i].name] = v == null ? null : convert[i](v);
		}
		out[r] = row as T;
	}
	return out;
}

type Convert = (v: unknown) => unknown;

const identity: Convert = (v) => v;

function converter(type: DataType): Convert {
	switch (type.typeId) {
		case Type.Int:
			return (v) => (typeof v === 'bigint' ? Number(v) : v);
		case Type.Date:
			return (v) => isoDate(v);
		case Type.Timestamp:
			return (v) => new Date(toMillis(v)).toISOString();
		case Type.Decimal: {
			const scale = (type as DataType & { scale: number }).scale;
			return (v) => decimalToNumber(v, scale);
		}
		case Type.List:
		case Type.FixedSizeList: {
			const child = converter((type as DataType & { children: { type: DataType }[] }).children[0].type);
			return (v) => Array.from(v as Iterable<unknown>, (x) => (x == null ? null : child(x)));
		}
		case Type.Struct:
		case Type.Map:
			return (v) => jsonSafe((v as { toJSON(): unknown }).toJSON());
		default:
			return identity;
	}
}

function toMillis(v: unknown): number {
	if (v instanceof Date) return v.getTime();
	return Number(v);
}

function isoDate(v: unknown): string {
	return new Date(toMillis(v)).toISOString().slice(0, 10);
}

function decimalToNumber(v: unknown, scale: number): number {
	if (typeof v === 'number') return v;
	if (typeof v === 'bigint') return Number(v) / 10 ** scale;
	// A BigNum view over 32-bit words; bigNumToNumber reads only the words, so it works
	// on values from any copy of apache-arrow.
	return util.bigNumToNumber(v as Parameters<typeof util.bigNumToNumber>[0], scale);
}

function jsonSafe(v: unknown): unknown {
	if (typeof v === 'bigint') return Number(v);
	if (Array.isArray(v)) return v.map(jsonSafe);
	if (v && typeof v === 'object' && !(v instanceof Date)) {
		return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonSafe(x)]));
	}
	return v;
}
