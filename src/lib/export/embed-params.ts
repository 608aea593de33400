/**
 * Reading an embed's URL. Every value is checked against the catalogue; a wrong one
 * yields a reason (shown inside the frame in both languages), never an exception, and
 * values are only ever printed as text.
 */
import type { Lang } from '../i18n/messages';
import type { IndicatorRow, UnitRow } from '../kpi/series';

export interface EmbedSpace {
	indicators: IndicatorRow[];
	units: UnitRow[];
	years: number[];
	year: number;
	default_unit: string;
}

export type EmbedProblem =
	| { key: 'indicator' | 'unit' | 'kind' | 'domain'; value: string }
	| { key: 'year'; value: string; from: number; to: number };

export interface EmbedParams {
	lang: Lang;
	theme: 'light' | 'dark' | null;
	/** Plot height in px, if asked (clamped to 160–2000). */
	height: number | null;
	indicator: IndicatorRow | null;
	unit: UnitRow | null;
	year: number;
	from: number | null;
	plan: string | null;
	problems: EmbedProblem[];
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

function yearParam(p: URLSearchParams, name: string, space: EmbedSpace, problems: EmbedProblem[]): number | null {
	const raw = p.get(name);
	if (raw === null || raw === '') return null;
	const first = space.years[0];
	const last = space.years.at(-1)!;
	const y = /^\d{4}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
	if (!Number.isInteger(y) || y < first || y > last) {
		problems.push({ key: 'year', value: clip(raw), from: first, to: last });
		return null;
	}
	return y;
}

/** A unit as 'code@vintage', or a bare code (the newest vintage with that code). */
export function findUnit(units: UnitRow[], ref: string): UnitRow | null {
	const r = ref.trim();
	if (r.includes('@')) return units.find((u) => `${u.code}@${u.vintage}` === r) ?? null;
	return units.filter((u) => u.code === r).sort((a, b) => b.vintage.localeCompare(a.vintage))[0] ?? null;
}

export function readEmbedParams(p: URLSearchParams, space: EmbedSpace, needs: { indicator?: boolean } = {}): EmbedParams {
	const problems: EmbedProblem[] = [];
	const lang: Lang = p.get('lang') === 'en' ? 'en' : 'vi';
	const th = p.get('theme');
	const theme = th === 'dark' || th === 'light' ? th : null;
	const hRaw = Number(p.get('h') ?? p.get('height') ?? NaN);
	const height = Number.isFinite(hRaw) && hRaw > 0 ? Math.min(2000, Math.max(160, Math.round(hRaw))) : null;

	let indicator: IndicatorRow | null = null;
	const code = p.get('indicator');
	if (code !== null || needs.indicator) {
		indicator = space.indicators.find((i) => i.code === (code ?? '').trim().toUpperCase()) ?? null;
		if (!indicator) problems.push({ key: 'indicator', value: clip(code ?? '') });
	}
	const unitRef = p.get('unit');
	const unit = findUnit(space.units, unitRef ?? space.default_unit);
	if (!unit) problems.push({ key: 'unit', value: clip(unitRef ?? '') });
	const year = yearParam(p, 'year', space, problems) ?? yearParam(p, 'to', space, problems) ?? space.year;
	const from = yearParam(p, 'from', space, problems);
	const planRaw = p.get('plan');
	const plan = planRaw && /^\d{4}-\d{4}$/.test(planRaw) ? planRaw : null;
	return { lang, theme, height, indicator, unit, year, from: from !== null && from <= year ? from : null, plan, problems };
}
