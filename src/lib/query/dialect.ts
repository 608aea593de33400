/**
 * DuckDB's SQL for the editor: keywords and types to highlight and complete. Functions
 * come from the running DuckDB itself (`duckdb_functions()`), so completion offers
 * exactly what this engine has; a short static list covers the moment before it is read.
 *
 * Keywords are a curated list, not `duckdb_keywords()`: DuckDB's unreserved keywords
 * include common column names (name, year, source, level) that should not light up.
 */
import { SQLDialect } from '@codemirror/lang-sql';

const KEYWORDS = `
select from where group by having order limit offset with recursive as on using join inner left right full outer
cross natural positional asof lateral anti semi union all intersect except distinct and or not in is null like ilike
glob similar between case when then else end exists any some cast try_cast true false asc desc nulls first last
insert into values update set delete create replace or temp temporary table view macro function sequence schema if
drop alter add column rename to primary key unique references check default constraint index copy export import
describe summarize show tables pragma attach detach use install load explain analyze begin commit rollback
transaction over partition rows range groups unbounded preceding following current row window filter within qualify
pivot unpivot pivot_longer pivot_wider for exclude columns struct_pack sample tablesample repeatable reservoir
bernoulli system percent interval escape collate conflict do nothing returning lambda
`;

const TYPES = `
bigint int8 long bit bitstring blob bytea binary varbinary boolean bool logical date decimal numeric double float8
float float4 real hugeint uhugeint integer int4 int signed interval smallint int2 short time timestamp datetime
timestamptz tinyint int1 ubigint uinteger usmallint utinyint uuid varchar char bpchar text string json list struct
map union enum array varint
`;

// Enough to highlight and complete the usual functions before DuckDB has answered.
const COMMON_FUNCTIONS = `
count sum avg min max median mode quantile quantile_cont stddev variance string_agg list arg_max arg_min
first last any_value coalesce nullif greatest least round floor ceil abs lower upper trim length substr
strftime strptime date_trunc date_part datediff date_diff make_date current_date now extract year month quarter
regexp_matches regexp_replace concat concat_ws split_part starts_with contains replace row_number rank dense_rank
lag lead ntile percent_rank cume_dist generate_series range read_csv read_parquet unnest epoch
`;

const words = (s: string) => s.trim().split(/\s+/);

/** The editor's dialect; `functions` (from DuckDB) join the built-ins. */
export function duckdbDialect(functions: readonly string[] = []): SQLDialect {
	const builtin = [...new Set([...words(COMMON_FUNCTIONS), ...functions.filter((f) => /^[a-z_][a-z0-9_]*$/.test(f))])];
	return SQLDialect.define({
		keywords: words(KEYWORDS).join(' '),
		types: words(TYPES).join(' '),
		builtin: builtin.join(' '),
		// DuckDB: '' escapes a quote, "…" quotes identifiers, $$…$$ strings, -- and /* */ comments.
		backslashEscapes: false,
		doubleDollarQuotedStrings: true,
		operatorChars: '+-*/<>=~!@#%^&|:',
		specialVar: '?$',
		identifierQuotes: '"'
	});
}
