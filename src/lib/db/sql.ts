/** Quoting for SQL built from data-contract names and user-supplied values. */

export function ident(name: string): string {
	return '"' + name.replaceAll('"', '""') + '"';
}

export function literal(value: string | number | boolean | null): string {
	if (value === null) return 'NULL';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
		return String(value);
	}
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	return "'" + value.replaceAll("'", "''") + "'";
}
