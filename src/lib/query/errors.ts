/**
 * Where in the query DuckDB's error points. DuckDB appends an excerpt of the offending
 * line and a caret:
 *
 *     Binder Error: Referenced column "nmae" not found in FROM clause!
 *
 *     LINE 2:   nmae FROM units
 *               ^
 *
 * The excerpt of a long line is cut with "..." at either end, so the caret is mapped
 * back by finding the excerpt in that line of the query. Some messages say
 * "at position N" (a 0-based character offset) instead.
 */

export interface ErrorPosition {
	/** Character offset in the query where the error points. */
	from: number;
	/** End of the word there (at least one character, unless the query ends there). */
	to: number;
	/** 1-based line and column, for the message. */
	line: number;
	column: number;
}

const CARET = /LINE (\d+): (.*)\n( *)\^/;
const AT_POSITION = /at position (\d+)/i;

export function errorPosition(message: string, sql: string): ErrorPosition | null {
	const caret = CARET.exec(message);
	if (caret) {
		const lineNo = Number(caret[1]);
		const shown = caret[2];
		const caretCol = caret[3].length - `LINE ${caret[1]}: `.length;
		const lines = sql.split('\n');
		const text = lines[lineNo - 1];
		if (text === undefined || caretCol < 0) return null;
		const cutStart = shown.startsWith('...');
		const core = shown.slice(cutStart ? 3 : 0, shown.endsWith('...') ? -3 : undefined);
		// An excerpt not cut at its start begins where the line does.
		const found = cutStart ? text.indexOf(core) : 0;
		if (found < 0) return null;
		const inLine = found + caretCol - (cutStart ? 3 : 0);
		const lineStart = lines.slice(0, lineNo - 1).reduce((n, l) => n + l.length + 1, 0);
		return at(sql, lineStart + Math.max(0, Math.min(inLine, text.length)));
	}
	const pos = AT_POSITION.exec(message);
	if (pos) return at(sql, Math.min(Number(pos[1]), sql.length));
	return null;
}

function at(sql: string, from: number): ErrorPosition {
	let to = from;
	while (to < sql.length && /[\p{L}\p{N}_$]/u.test(sql[to])) to++;
	if (to === from && from < sql.length && sql[from] !== '\n') to = from + 1;
	const before = sql.slice(0, from);
	const line = before.split('\n').length;
	const column = from - (before.lastIndexOf('\n') + 1) + 1;
	return { from, to, line, column };
}

/**
 * DuckDB repeats the excerpt of a parser error; one copy is enough on screen.
 */
export function tidyMessage(message: string): string {
	const parts = message.split('\n\n');
	return parts.filter((p, i) => parts.indexOf(p) === i).join('\n\n').trim();
}
