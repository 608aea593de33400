/**
 * Check data/ and publish it to static/data/ as Arrow IPC + manifest.json.
 *
 *   npx tsx scripts/build-data.ts [--data DIR] [--out DIR] [--max-file-mb N]
 *
 * --max-file-mb: largest source file read, in MB (default 1024: limits.ts
 * MAX_BUILD_FILE_BYTES, what DuckDB-WASM's memory can hold; the browser upload keeps its
 * own 100 MB bound). A larger file is refused with a message, before it is read.
 *
 * Exit 1 (output left untouched) when any file has an error; every problem is printed
 * in Vietnamese and English, grouped by file.
 */
import { buildData } from '../src/lib/data/build';
import type { Problem } from '../src/lib/data/problems';
import { MAX_BUILD_FILE_BYTES } from '../src/lib/data/limits';

function arg(name: string, fallback: string): string {
	const argv = process.argv.slice(2);
	const i = argv.indexOf(`--${name}`);
	if (i >= 0 && argv[i + 1]) return argv[i + 1];
	const eq = argv.find((a) => a.startsWith(`--${name}=`));
	return eq ? eq.slice(name.length + 3) : fallback;
}

function printProblems(problems: Problem[]): void {
	const byFile = new Map<string, Problem[]>();
	for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
	for (const [file, list] of byFile) {
		process.stderr.write(`\n${file}\n`);
		for (const p of list) {
			const mark = p.severity === 'warning' ? '! ' : '✗ ';
			process.stderr.write(`${mark}${p.message_vi}\n   ${p.message_en}\n`);
		}
	}
}

const dataDir = arg('data', 'data');
const outDir = arg('out', 'static/data');
const maxMb = Number(arg('max-file-mb', String(MAX_BUILD_FILE_BYTES / (1024 * 1024))));
if (!(maxMb > 0)) {
	process.stderr.write('--max-file-mb: một số MB dương / a positive number of MB\n');
	process.exit(2);
}
const result = await buildData({ dataDir, outDir, maxFileBytes: Math.round(maxMb * 1024 * 1024) });
printProblems(result.problems);

if (!result.ok) {
	const errors = result.problems.filter((p) => p.severity === 'error').length;
	const files = new Set(result.problems.filter((p) => p.severity === 'error').map((p) => p.file)).size;
	process.stderr.write(
		`\nDữ liệu có lỗi (${errors} lỗi được liệt kê, ${files} tệp); ${outDir} được giữ nguyên.\n` +
			`Data has errors (${errors} listed, in ${files} files); ${outDir} was left unchanged.\n`
	);
	process.exit(1);
}
const ms = (n: number) => n.toFixed(0).padStart(6);
for (const s of result.stats) {
	const p = s.phases;
	console.log(
		`${s.name.padEnd(18)} ${String(s.rows).padStart(8)} rows ${ms(s.ms)} ms` +
			`  (read ${ms(p.read)}, check ${ms(p.check)}, refs ${ms(p.refs)}, write ${ms(p.write)})`
	);
}
console.log(`${outDir}: ${result.stats.length} datasets, as of ${result.manifest?.as_of ?? '—'}, built in ${(result.ms / 1000).toFixed(2)} s`);
process.exit(0);
