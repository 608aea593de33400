/**
 * The dates at which a series is read: one point per year, ending at the year's
 * end, at the data's as-of date (the current year is "to date"), or at the day the
 * unit ceased to exist (old provinces end on 2025-06-30) — whichever comes first.
 * A new unit (from 2025-07-01) gets earlier years too: through the merger mapping
 * its predecessors' records count for it, so its history reads continuously.
 * The last point gets a twin one year earlier for "so với cùng kỳ".
 */
export interface GridRow {
	year: number;
	/** 'main' = the year's point; 'prev' = same period a year before the last point. */
	tag: 'main' | 'prev';
	start: string;
	end: string;
}

const iso = (y: number, m: number, d: number) =>
	`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const minDate = (...dates: (string | null | undefined)[]) =>
	dates.filter((d): d is string => !!d).reduce((a, b) => (a < b ? a : b));

/** The same calendar day one year earlier (29 Feb becomes 28 Feb). */
export function yearEarlier(date: string): string {
	const [y, m, d] = date.split('-').map(Number);
	const day = m === 2 && d === 29 ? 28 : d;
	return iso(y - 1, m, day);
}

export function dateGrid(opts: {
	fromYear: number;
	toYear: number;
	asOf: string;
	unitValidTo?: string | null;
}): GridRow[] {
	const rows: GridRow[] = [];
	for (let year = opts.fromYear; year <= opts.toYear; year++) {
		const start = iso(year, 1, 1);
		const end = minDate(iso(year, 12, 31), opts.asOf, opts.unitValidTo);
		if (end < start) break;
		rows.push({ year, tag: 'main', start, end });
	}
	const last = rows[rows.length - 1];
	if (last) rows.push({ year: last.year, tag: 'prev', start: iso(last.year - 1, 1, 1), end: yearEarlier(last.end) });
	return rows;
}

export function gridSql(rows: GridRow[]): string {
	if (rows.length === 0) return `SELECT NULL::INTEGER AS year, NULL::VARCHAR AS tag, NULL::DATE AS p_start, NULL::DATE AS p_end WHERE false`;
	const values = rows
		.map((r) => `(${r.year}, '${r.tag}', DATE '${r.start}', DATE '${r.end}')`)
		.join(', ');
	return `SELECT * FROM (VALUES ${values}) AS g(year, tag, p_start, p_end)`;
}

export type PackedType = 'INTEGER' | 'VARCHAR' | 'DATE';

/**
 * A small table of literal rows as one string literal that SQL splits apart. DuckDB
 * binds every expression of a VALUES list on its own — about 0.1 ms a row in the
 * browser's build, more than the query itself — while one string costs the same for
 * any length. Values holding a separator or a quote fall back to VALUES.
 */
export function packedRows(columns: [name: string, type: PackedType][], rows: (string | number)[][]): string {
	const names = columns.map(([n]) => n);
	if (rows.length === 0)
		return `SELECT ${columns.map(([n, t]) => `NULL::${t} AS ${n}`).join(', ')} WHERE false`;
	const safe = rows.every((r) => r.every((v) => typeof v === 'number' ? Number.isInteger(v) : /^[^|;'\\]*$/.test(v)));
	if (!safe) {
		const lit = (v: string | number, t: PackedType) =>
			typeof v === 'number' ? String(v) : `${t === 'DATE' ? 'DATE ' : ''}'${v.replace(/'/g, "''")}'`;
		const values = rows.map((r) => `(${r.map((v, i) => lit(v, columns[i][1])).join(', ')})`).join(', ');
		return `SELECT * FROM (VALUES ${values}) AS t(${names.join(', ')})`;
	}
	const text = rows.map((r) => r.join('|')).join(';');
	const fields = columns.map(([n, t], i) => (t === 'VARCHAR' ? `f[${i + 1}] AS ${n}` : `f[${i + 1}]::${t} AS ${n}`));
	return `SELECT ${fields.join(', ')} FROM (SELECT string_split(unnest(string_split('${text}', ';')), '|') AS f)`;
}

const PACKED = /string_split\('([^']*)', ';'\)/g;

/**
 * The statement with every packed table's string (packedRows) taken out as a `?`
 * parameter. A filter change then sends the same statement text with other values:
 * DuckDB need not fold a long constant while planning, and a prepared statement can be
 * reused (db/browser.ts and db/node.ts keep them by text). packedRows' strings hold no
 * quote, so the pattern matches them and nothing a user typed.
 */
export function hoistPacked(sql: string): { sql: string; params: string[] } {
	const params: string[] = [];
	const text = sql.replace(PACKED, (_m, packed: string) => {
		params.push(packed);
		return "string_split(?, ';')";
	});
	return { sql: text, params };
}
