/**
 * Which tables a console text may write. The dashboard keeps answers per generation of
 * the data (kpi/memo.ts) and reads pre-aggregated tables and the build's cubes: an
 * UPDATE typed in the console must start a new generation, or the scorecard would go
 * on showing the numbers from before it.
 *
 * Read from the text alone, erring towards "may write": strings and comments are
 * blanked, quoted names unquoted, and each statement's first word decides. A statement
 * that only reads (SELECT, WITH … SELECT, DESCRIBE, EXPLAIN without ANALYZE…) writes
 * nothing; INSERT, UPDATE, CREATE … AS and the like write the table they name as their
 * target (not the tables they read from); a statement of any other kind may write
 * every table it names.
 */

/** First words of statements that cannot change a table's rows or shape. */
const READS = new Set([
	'select', 'from', 'values', 'table', 'describe', 'desc', 'show', 'summarize', 'pragma', 'call', 'set', 'reset',
	'begin', 'start', 'commit', 'end', 'rollback', 'abort', 'checkpoint', 'force', 'vacuum', 'analyze', 'use'
]);
const WRITE_WORD = /\b(insert|update|delete|merge|copy|create|drop|alter|truncate)\b/i;

/**
 * The text with string literals, dollar-quoted strings and comments blanked (their
 * length kept) and double-quoted names unquoted, so that words can be read from it.
 */
export function blankLiterals(sql: string): string {
	let out = '';
	let i = 0;
	while (i < sql.length) {
		const c = sql[i];
		const two = sql.slice(i, i + 2);
		if (two === '--') {
			const end = sql.indexOf('\n', i);
			const stop = end === -1 ? sql.length : end;
			out += ' '.repeat(stop - i);
			i = stop;
		} else if (two === '/*') {
			const end = sql.indexOf('*/', i + 2);
			const stop = end === -1 ? sql.length : end + 2;
			out += ' '.repeat(stop - i);
			i = stop;
		} else if (c === "'") {
			let j = i + 1;
			while (j < sql.length && !(sql[j] === "'" && sql[j + 1] !== "'")) j += sql[j] === "'" ? 2 : 1;
			const stop = Math.min(j + 1, sql.length);
			out += ' '.repeat(stop - i);
			i = stop;
		} else if (c === '"') {
			let j = i + 1;
			let name = '';
			while (j < sql.length && !(sql[j] === '"' && sql[j + 1] !== '"')) {
				name += sql[j];
				j += sql[j] === '"' ? 2 : 1;
			}
			// A name keeps its words (a table may be written "targets"), not its quotes.
			out += ' ' + name.replace(/[^\p{L}\p{N}_]/gu, ' ') + ' ';
			i = Math.min(j + 1, sql.length);
		} else if (c === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) {
			const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))![0];
			const end = sql.indexOf(tag, i + tag.length);
			const stop = end === -1 ? sql.length : end + tag.length;
			out += ' '.repeat(stop - i);
			i = stop;
		} else {
			out += c;
			i += 1;
		}
	}
	return out;
}

/** Could this one statement (literals blanked) change a table? */
export function mayWrite(statement: string): boolean {
	const words = statement.trim().toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
	if (words.length === 0) return false;
	const [first, second] = words;
	// EXPLAIN ANALYZE runs the statement it explains; plain EXPLAIN only plans it.
	if (first === 'explain') return second === 'analyze' && mayWrite(words.slice(2).join(' '));
	// DuckDB allows a WITH clause before INSERT, UPDATE and DELETE.
	if (first === 'with') return WRITE_WORD.test(statement);
	return !READS.has(first);
}

const NAME = String.raw`([\p{L}\p{N}_.]+)`;
/** Where each writing statement names the table it writes; the other names it only reads. */
const TARGETS = [
	String.raw`\binsert\s+(?:or\s+\w+\s+)?into\s+${NAME}`,
	String.raw`\bupdate\s+${NAME}`,
	String.raw`\bdelete\s+from\s+${NAME}`,
	String.raw`\btruncate\s+(?:table\s+)?${NAME}`,
	String.raw`\bdrop\s+\w+\s+(?:if\s+exists\s+)?${NAME}`,
	String.raw`\balter\s+\w+\s+(?:if\s+exists\s+)?${NAME}`,
	String.raw`\bcreate\s+(?:or\s+replace\s+)?(?:(?:temp|temporary|persistent)\s+)?\w+\s+(?:if\s+not\s+exists\s+)?${NAME}`,
	String.raw`\bcopy\s+${NAME}\s+from\b`,
	String.raw`\bmerge\s+into\s+${NAME}`
].map((r) => new RegExp(r, 'giu'));
const KNOWN = new Set(['insert', 'update', 'delete', 'truncate', 'drop', 'alter', 'create', 'copy', 'merge', 'with', 'explain']);

/**
 * The names a writing statement (literals blanked) may write, without their schema:
 * the table after INSERT INTO, UPDATE, CREATE … and the like. A statement of another
 * kind (EXECUTE, IMPORT…) may write anything it names.
 */
export function writeTargets(statement: string): string[] {
	const text = statement.toLowerCase();
	const first = text.trim().split(/[^\p{L}\p{N}_]+/u)[0];
	const names = KNOWN.has(first)
		? TARGETS.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]))
		: text.split(/[^\p{L}\p{N}_.]+/u);
	return names.filter(Boolean).map((n) => n.split('.').at(-1)!);
}

/** The tables of `tables` that `sql` (one or several statements) may write. */
export function tablesWritten(sql: string, tables: readonly string[]): string[] {
	const written = new Set(blankLiterals(sql).split(';').filter(mayWrite).flatMap(writeTargets));
	return tables.filter((t) => written.has(t.toLowerCase()));
}
