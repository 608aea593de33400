/**
 * One benchmark figure: a name, repeated measurements, a target. Printed one line
 * each and written to JSON; a figure that misses its target by more than 20 % fails
 * the run.
 */
export interface Figure {
	name: string;
	unit: 'ms' | 's' | 'kB' | 'MB' | 'ratio';
	median: number;
	p95: number;
	runs: number;
	/** Upper bound the median (or p95, see `on`) must stay under; null = for information. */
	target: number | null;
	/** Which statistic is held against the target. */
	on: 'median' | 'p95';
	/** How it was measured: the scale, the pages, the command. */
	note?: string;
	detail?: unknown;
}

export type Verdict = 'pass' | 'near' | 'FAIL' | 'info';

/** Within target: pass; up to 20 % over: near (printed, not failing); beyond: FAIL. */
export function verdict(f: Figure): Verdict {
	if (f.target === null) return 'info';
	if (!Number.isFinite(f.median)) return 'FAIL';
	const v = f.on === 'p95' ? f.p95 : f.median;
	if (v <= f.target) return 'pass';
	return v <= f.target * 1.2 ? 'near' : 'FAIL';
}

export function quantile(xs: number[], q: number): number {
	if (xs.length === 0) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	const i = (s.length - 1) * q;
	const lo = Math.floor(i);
	const hi = Math.ceil(i);
	return s[lo] + (s[hi] - s[lo]) * (i - lo);
}

export function figure(
	name: string,
	unit: Figure['unit'],
	samples: number[],
	target: number | null,
	opts: { on?: Figure['on']; note?: string; detail?: unknown } = {}
): Figure {
	return {
		name,
		unit,
		median: quantile(samples, 0.5),
		p95: quantile(samples, 0.95),
		runs: samples.length,
		target,
		on: opts.on ?? 'median',
		note: opts.note,
		detail: opts.detail
	};
}

const num = (v: number, unit: Figure['unit']) =>
	!Number.isFinite(v) ? '—' : unit === 'ratio' ? v.toFixed(2) + '×' : unit === 's' ? v.toFixed(1) + ' s' : `${Math.round(v * 10) / 10} ${unit}`;

export function formatLine(f: Figure): string {
	const target = f.target === null ? 'target —' : `target ≤ ${num(f.target, f.unit)} (${f.on})`;
	return [
		f.name.padEnd(52),
		`median ${num(f.median, f.unit)}`.padEnd(18),
		`p95 ${num(f.p95, f.unit)}`.padEnd(16),
		`runs ${f.runs}`.padEnd(8),
		target.padEnd(28),
		verdict(f)
	].join(' ');
}
