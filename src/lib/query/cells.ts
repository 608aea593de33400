/**
 * Reading a query result cell by cell, straight from the Arrow column vectors: the grid,
 * the chart and the exporters read only the rows they need, so a million-row result is
 * never turned into a million objects.
 *
 * Types are tested by `typeId`, not `instanceof` (see db/rows.ts): a table may come from
 * duckdb-wasm's own copy of apache-arrow.
 */
import { Type, util, type DataType, type Table, type Vector } from 'apache-arrow';
import { formatDate, formatNumber } from '../i18n/format';
import type { Lang } from '../i18n/messages';

export type CellKind = 'int' | 'float' | 'decimal' | 'bool' | 'date' | 'timestamp' | 'time' | 'text' | 'other';

/**
 * A cell as a JavaScript value: numbers (a bigint only for integers beyond 2^53),
 * booleans, text, dates as 'YYYY-MM-DD', timestamps as 'YYYY-MM-DD HH:MM:SS[.fff]',
 * times as 'HH:MM:SS', anything nested as JSON text.
 */
export type Cell = number | bigint | string | boolean | null;

export interface ResultColumn {
	name: string;
	kind: CellKind;
	/** The type in DuckDB's words, as shown in the grid's header (BIGINT, VARCHAR, DATE…). */
	type: string;
	/** The Arrow type itself, for writers that keep types (Parquet). */
	dataType: DataType;
	/** Decimal places of a DECIMAL column. */
	scale: number;
	/** The value as Arrow gives it (bigint, BigNum, epoch milliseconds…). */
	raw(row: number): unknown;
	value(row: number): Cell;
	/** Exact text for files: full precision, ISO dates, '' for NULL. */
	text(row: number): string;
}

export const isNumeric = (k: CellKind) => k === 'int' || k === 'float' || k === 'decimal';
export const isTemporal = (k: CellKind) => k === 'date' || k === 'timestamp';

export function resultColumns(table: Table): ResultColumn[] {
	return table.schema.fields.map((f, i) => column(f.name, f.type, table.getChildAt(i)!));
}

function kindOf(type: DataType): CellKind {
	switch (type.typeId) {
		case Type.Int:
			return 'int';
		case Type.Float:
			return 'float';
		case Type.Decimal:
			return 'decimal';
		case Type.Bool:
			return 'bool';
		case Type.Date:
			return 'date';
		case Type.Timestamp:
			return 'timestamp';
		case Type.Time:
			return 'time';
		case Type.Utf8:
		case Type.LargeUtf8:
		case Type.Dictionary:
			return 'text';
		default:
			return 'other';
	}
}

function column(name: string, type: DataType, vec: Vector): ResultColumn {
	const kind = kindOf(type);
	const scale = kind === 'decimal' ? (type as DataType & { scale: number }).scale : 0;
	const raw = (row: number): unknown => vec.get(row);
	let value: (row: number) => Cell;
	let text: (row: number) => string;
	switch (kind) {
		case 'int':
			value = (r) => {
				const v = raw(r) as number | bigint | null;
				if (v == null) return null;
				return typeof v === 'bigint' && v <= MAX_SAFE && v >= -MAX_SAFE ? Number(v) : v;
			};
			text = (r) => str(raw(r));
			break;
		case 'float':
			value = (r) => (raw(r) as number | null) ?? null;
			text = (r) => str(raw(r));
			break;
		case 'decimal':
			text = (r) => {
				const v = raw(r);
				return v == null ? '' : decimalText(v, scale);
			};
			// Through the exact digits: Arrow's bigNumToNumber throws beyond 2^53.
			value = (r) => {
				const v = raw(r);
				return v == null ? null : Number(decimalText(v, scale));
			};
			break;
		case 'bool':
			value = (r) => (raw(r) as boolean | null) ?? null;
			text = (r) => str(raw(r));
			break;
		case 'date':
			value = (r) => {
				const v = raw(r);
				return v == null ? null : isoDate(v);
			};
			text = (r) => (value(r) as string | null) ?? '';
			break;
		case 'timestamp':
			value = (r) => {
				const v = raw(r);
				return v == null ? null : isoTimestamp(v);
			};
			text = (r) => (value(r) as string | null) ?? '';
			break;
		case 'time': {
			const perSecond = timeUnitsPerSecond(type);
			value = (r) => {
				const v = raw(r) as number | bigint | null;
				return v == null ? null : clock(Number(v) / perSecond);
			};
			text = (r) => (value(r) as string | null) ?? '';
			break;
		}
		case 'text':
			value = (r) => (raw(r) as string | null) ?? null;
			text = (r) => (raw(r) as string | null) ?? '';
			break;
		default:
			value = (r) => {
				const v = raw(r);
				return v == null ? null : nested(v);
			};
			text = (r) => (value(r) as string | null) ?? '';
	}
	return { name, kind, type: sqlType(type), dataType: type, scale, raw, value, text };
}

/** DuckDB's name for an Arrow type, as the analyst wrote it in SQL. */
export function sqlType(type: DataType): string {
	const t = type as DataType & { bitWidth?: number; isSigned?: boolean; precision?: number; scale?: number; tz?: string | null };
	switch (type.typeId) {
		case Type.Int: {
			const names: Record<number, string> = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' };
			return (t.isSigned ? '' : 'U') + (names[t.bitWidth ?? 64] ?? 'INTEGER');
		}
		case Type.Float:
			return String(type) === 'Float32' ? 'FLOAT' : 'DOUBLE';
		case Type.Decimal:
			return `DECIMAL(${t.precision},${t.scale})`;
		case Type.Bool:
			return 'BOOLEAN';
		case Type.Date:
			return 'DATE';
		case Type.Timestamp:
			return t.tz ? 'TIMESTAMPTZ' : 'TIMESTAMP';
		case Type.Time:
			return 'TIME';
		case Type.Utf8:
		case Type.LargeUtf8:
			return 'VARCHAR';
		case Type.Dictionary:
			return 'ENUM';
		case Type.Binary:
		case Type.LargeBinary:
			return 'BLOB';
		case Type.List:
			return 'LIST';
		case Type.Struct:
			return 'STRUCT';
		case Type.Map:
			return 'MAP';
		case Type.Interval:
			return 'INTERVAL';
		default:
			return String(type).toUpperCase();
	}
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function str(v: unknown): string {
	return v == null ? '' : String(v);
}

/** A DECIMAL's exact digits: the unscaled integer with the point put back. */
function decimalText(v: unknown, scale: number): string {
	const digits = typeof v === 'bigint' || typeof v === 'number' ? String(v) : util.bigNumToString(v as Parameters<typeof util.bigNumToString>[0]);
	if (scale === 0) return digits;
	const neg = digits.startsWith('-');
	const abs = (neg ? digits.slice(1) : digits).padStart(scale + 1, '0');
	const int = abs.slice(0, abs.length - scale);
	const frac = abs.slice(abs.length - scale).replace(/0+$/, '');
	return (neg ? '-' : '') + int + (frac ? '.' + frac : '');
}

function toMillis(v: unknown): number {
	return v instanceof Date ? v.getTime() : Number(v);
}

function isoDate(v: unknown): string {
	return new Date(toMillis(v)).toISOString().slice(0, 10);
}

function isoTimestamp(v: unknown): string {
	const iso = new Date(toMillis(v)).toISOString();
	return iso.slice(0, 10) + ' ' + iso.slice(11, 23).replace(/\.000$/, '');
}

function timeUnitsPerSecond(type: DataType): number {
	// TimeUnit: 0 second, 1 millisecond, 2 microsecond, 3 nanosecond.
	const unit = (type as DataType & { unit: number }).unit;
	return [1, 1e3, 1e6, 1e9][unit] ?? 1e6;
}

function clock(seconds: number): string {
	const s = Math.floor(seconds);
	const pad = (n: number) => String(n).padStart(2, '0');
	const frac = seconds - s;
	return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}${frac ? (frac.toFixed(3).slice(1)) : ''}`;
}

function nested(v: unknown): string {
	if (v instanceof Uint8Array) return Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('');
	const json = (v as { toJSON?: () => unknown }).toJSON ? (v as { toJSON: () => unknown }).toJSON() : v;
	return JSON.stringify(json, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
}

/** An integer column whose values (in the first `sample` rows) all look like years. */
export function looksLikeYears(col: ResultColumn, rows: number, sample = 200): boolean {
	if (col.kind !== 'int') return false;
	let seen = false;
	for (let r = 0; r < Math.min(rows, sample); r++) {
		const v = col.value(r);
		if (v === null) continue;
		if (typeof v !== 'number' || v < 1900 || v > 2100) return false;
		seen = true;
	}
	return seen;
}

/** Decimals worth showing for `x`: those it has, at most six. */
function decimalsOf(x: number): number {
	if (Number.isInteger(x)) return 0;
	const s = Math.abs(x).toExponential();
	const [mant, exp] = s.split('e');
	const frac = (mant.split('.')[1] ?? '').length - Number(exp);
	return Math.max(0, Math.min(6, frac));
}

/**
 * The text the grid shows for a cell: vi-VN / en numbers and dates; null for NULL.
 * `plain` prints integers without grouping, for a column of years (2024, not 2.024).
 */
export function displayCell(lang: Lang, col: ResultColumn, row: number, plain = false): string | null {
	const v = col.value(row);
	if (v === null) return null;
	switch (col.kind) {
		case 'int':
			return typeof v === 'bigint' || plain ? String(v) : formatNumber(lang, v as number, 0);
		case 'float':
			return Number.isFinite(v as number) ? formatNumber(lang, v as number, decimalsOf(v as number)) : String(v);
		case 'decimal': {
			const n = v as number;
			// Beyond 2^53 a double would change the digits: show the exact ones.
			return Math.abs(n) > Number.MAX_SAFE_INTEGER ? col.text(row) : formatNumber(lang, n, Math.min(col.scale, decimalsOf(n)));
		}
		case 'date':
			return formatDate(lang, v as string);
		case 'timestamp': {
			const s = v as string;
			return `${formatDate(lang, s.slice(0, 10))} ${s.slice(11)}`;
		}
		case 'bool':
			return v ? 'TRUE' : 'FALSE';
		default:
			return String(v);
	}
}
