/**
 * Check data/ and publish it to static/data/ as Arrow IPC + manifest.json.
 *
 *   npx tsx scripts/build-data.ts [--data DIR] [--out DIR]
 *
 * Exit 1 (output left untouched) when any file has an error; every problem is printed
 * in Vietnamese and English, grouped by file.
 */
import { buildData } from '../src/lib/data/build';
import type { Problem } from '../src/lib/data/problems';

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
const result = await buildData({ dataDir, outDir });
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
for (const s of result.stats) {
	console.log(`${s.name.padEnd(18)} ${String(s.rows).padStart(8)} rows ${s.ms.toFixed(0).padStart(6)} ms`);
}
console.log(`${outDir}: ${result.stats.length} datasets, as of ${result.manifest?.as_of ?? '—'}, built in ${(result.ms / 1000).toFixed(2)} s`);
process.exit(0);
