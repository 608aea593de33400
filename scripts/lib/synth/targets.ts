/**
 * Illustrative 2026–2030 targets for every new province that has none, so a
 * national-scale scorecard has rows to evaluate. Levels are sized to the scale's
 * record counts (about 1/34 of the country each), not to any real plan.
 */
import type { ScaleCounts } from './scales';

interface Spec {
	indicator: string;
	/** Target value for one province at this scale. */
	value: (c: ScaleCounts) => number;
}

const perProvince = (n: number, share: number) => Math.max(1, Math.round((n / 34) * share));

const SPECS: Spec[] = [
	{ indicator: 'OC01', value: (c) => perProvince(c.ocopProducts, 0.5) },
	{ indicator: 'KN01', value: (c) => perProvince(c.startups, 0.9) },
	{ indicator: 'DN01', value: (c) => perProvince(c.stFirms, 0.9) },
	{ indicator: 'SH05', value: (c) => perProvince(c.ipTitles, 0.08) },
	{ indicator: 'NV05', value: (c) => perProvince(c.stTasks, 0.8) },
	{ indicator: 'NS01', value: () => 900 }
];

export const NEW_PROVINCES = [
	'01', '04', '08', '11', '12', '14', '15', '19', '20', '22', '24', '25', '31', '33', '37', '38', '40', '42',
	'44', '46', '48', '51', '52', '56', '66', '68', '75', '79', '80', '82', '86', '91', '92', '96'
];

/** CSV lines (targets.csv columns) for (indicator, province) pairs the existing file lacks. */
export function extraTargets(existing: string, c: ScaleCounts): string[] {
	const have = new Set(
		existing
			.split('\n')
			.slice(1)
			.map((l) => l.split(','))
			.filter((f) => f.length > 4 && f[3] === '2026-2030')
			.map((f) => `${f[0]}|${f[1]}|${f[2]}`)
	);
	const lines: string[] = [];
	for (const code of NEW_PROVINCES) {
		for (const s of SPECS) {
			if (have.has(`${s.indicator}|${code}|2025`)) continue;
			lines.push(
				[s.indicator, code, '2025', '2026-2030', 'provincial', '', '', '2030', String(s.value(c)), '',
					'Chỉ tiêu minh họa (npm run data:synth) — không phải văn bản thật', '', 'illustrative', ''].join(',')
			);
		}
	}
	return lines;
}
