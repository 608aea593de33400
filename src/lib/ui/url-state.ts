/**
 * Filters live in the URL (province, year, plan, domain, language), so a link sent
 * before a meeting opens exactly the same view and back/forward work. Defaults are
 * left out of the URL to keep links short.
 */
import type { Lang } from '../i18n/messages';
import { unitKey } from '../kpi/prebaked';

export interface Filters {
	unit: string;
	year: number;
	lang: Lang;
	plan: string | null;
	domain: string | null;
	/** Only the targets that are late (off track, at risk, not met). */
	late?: boolean;
}

export interface FilterSpace {
	default_unit: string;
	year: number;
	years: number[];
	units: { code: string; vintage: string }[];
}

export function readFilters(url: URL, space: FilterSpace): Filters {
	const p = url.searchParams;
	const unit = p.get('unit');
	const year = Number(p.get('year'));
	return {
		unit: unit && space.units.some((u) => unitKey(u) === unit) ? unit : space.default_unit,
		year: space.years.includes(year) ? year : space.year,
		lang: p.get('lang') === 'en' ? 'en' : 'vi',
		plan: /^\d{4}-\d{4}$/.test(p.get('plan') ?? '') ? p.get('plan') : null,
		domain: /^[a-z_]+$/.test(p.get('domain') ?? '') ? p.get('domain') : null,
		late: p.get('late') === '1'
	};
}

export function filterQuery(f: Partial<Filters>, space: FilterSpace, extra: Record<string, string | number | null> = {}): string {
	const p = new URLSearchParams();
	if (f.unit && f.unit !== space.default_unit) p.set('unit', f.unit);
	if (f.year && f.year !== space.year) p.set('year', String(f.year));
	if (f.plan) p.set('plan', f.plan);
	if (f.domain) p.set('domain', f.domain);
	if (f.late) p.set('late', '1');
	for (const [k, v] of Object.entries(extra)) if (v !== null && v !== '') p.set(k, String(v));
	if (f.lang && f.lang !== 'vi') p.set('lang', f.lang);
	const qs = p.toString();
	return qs ? `?${qs}` : '';
}
