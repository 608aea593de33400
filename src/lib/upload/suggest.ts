/** What an uploaded sheet probably is: the dataset its header names, or a table name for it. */
import type { RawSheet } from './cells';
import { matchScore } from './normalise';
import { REPLACEABLE, tableNameProblem } from './pipeline';
import { slug } from './text';

/** The dataset whose columns the header names best, if it names at least three. */
export function suggestDataset(sheet: RawSheet): { dataset: string; score: number } | null {
	let best: { dataset: string; score: number; share: number } | null = null;
	for (const spec of REPLACEABLE) {
		const score = matchScore(sheet, spec);
		const share = score / spec.columns.length;
		if (score >= 3 && (!best || score > best.score || (score === best.score && share > best.share))) {
			best = { dataset: spec.name, score, share };
		}
	}
	return best && { dataset: best.dataset, score: best.score };
}

/** A table name from the sheet or file name: "Tổng hợp" → tong_hop. */
export function suggestTableName(sheetName: string | null, fileName: string): string {
	let name = slug(sheetName ?? fileName.replace(/\.[^.]+$/, '')).slice(0, 50) || 'bang_tai_len';
	if (!/^[a-z]/.test(name)) name = `bang_${name}`;
	if (tableNameProblem(name) === 'reserved') name = `${name}_tai_len`;
	return name;
}
