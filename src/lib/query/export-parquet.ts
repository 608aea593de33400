/**
 * A result as a Parquet file (hyparquet-writer), types kept: integers as INT32/INT64,
 * DECIMAL exactly (its unscaled digits), dates as DATE, timestamps as TIMESTAMP
 * (milliseconds), booleans, and everything else as UTF-8 text.
 */
import { Type, util, type Table } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { resultColumns, type ResultColumn } from './cells';

type SchemaElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]['schema']>[number];
type ColumnSource = Parameters<typeof parquetWriteBuffer>[0]['columnData'][number];

function plan(col: ResultColumn, n: number): { element: SchemaElement; data: unknown[] } {
	const base = { name: col.name, repetition_type: 'OPTIONAL' as const };
	const data: unknown[] = new Array(n);
	const fill = (f: (r: number) => unknown) => {
		for (let r = 0; r < n; r++) data[r] = f(r);
	};
	const t = col.dataType as typeof col.dataType & { bitWidth?: number; isSigned?: boolean; precision?: number };
	switch (col.kind) {
		case 'int': {
			const narrow = t.typeId === Type.Int && (t.bitWidth ?? 64) <= 32 && (t.isSigned || (t.bitWidth ?? 64) < 32);
			if (narrow) {
				fill((r) => col.value(r));
				return { element: { ...base, type: 'INT32' }, data };
			}
			fill((r) => {
				const v = col.raw(r);
				return v == null ? null : BigInt(v as bigint | number);
			});
			return { element: { ...base, type: 'INT64' }, data };
		}
		case 'float':
			fill((r) => col.value(r));
			return { element: { ...base, type: 'DOUBLE' }, data };
		case 'decimal':
			fill((r) => {
				const v = col.raw(r);
				// Via the digit string: apache-arrow 17's bigNumToBigInt returns a string for decimals.
				return v == null ? null : BigInt(util.bigNumToString(v as Parameters<typeof util.bigNumToString>[0]));
			});
			return {
				element: { ...base, type: 'FIXED_LEN_BYTE_ARRAY', type_length: 16, converted_type: 'DECIMAL', precision: t.precision ?? 38, scale: col.scale },
				data
			};
		case 'bool':
			fill((r) => col.value(r));
			return { element: { ...base, type: 'BOOLEAN' }, data };
		case 'date':
			fill((r) => {
				const v = col.raw(r);
				return v == null ? null : Math.floor(Number(v instanceof Date ? v.getTime() : v) / 86_400_000);
			});
			return { element: { ...base, type: 'INT32', converted_type: 'DATE' }, data };
		case 'timestamp':
			fill((r) => {
				const v = col.raw(r);
				return v == null ? null : BigInt(Math.round(Number(v instanceof Date ? v.getTime() : v)));
			});
			return { element: { ...base, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' }, data };
		default:
			fill((r) => col.value(r));
			return { element: { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' }, data: data.map((v) => (v == null ? null : String(v))) };
	}
}

export function toParquet(table: Table): Uint8Array {
	const cols = resultColumns(table);
	const plans = cols.map((c) => plan(c, table.numRows));
	const schema: SchemaElement[] = [{ name: 'root', num_children: cols.length }, ...plans.map((p) => p.element)];
	const columnData = plans.map((p, i) => ({ name: cols[i].name, data: p.data }) as ColumnSource);
	return new Uint8Array(parquetWriteBuffer({ columnData, schema, createdBy: 'Tiến độ' }));
}
