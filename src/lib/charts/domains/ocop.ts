/** Chart options of the OCOP page. */
import { t } from '../../i18n/messages';
import type { MessageKey } from '../../i18n/messages';
import { formatDate } from '../../i18n/format';
import type { AreaRow, ExpiringRow, GroupRow, StatusRow, UpgradeRow } from '../../kpi/domains/ocop';
import { OCOP_GROUPS, OCOP_STARS } from '../../kpi/domains/ocop';
import type { SeriesValue } from '../../kpi/series';
import { bars, listPairs, starColor, yearLabel, type ChartSpec } from '../domain-options';
import { count, type ChartContext } from './common';

export interface StarYear {
	year: number;
	as_of: string | null;
	s3: number;
	s4: number;
	s5: number;
	total: number;
}

const starName = (ctx: ChartContext, n: number) => t(ctx.lang, 'dom.stars', { n });

/** Stacked bars: products in force by stars, one bar per year, total on top. */
export function starsOption(rows: StarYear[], ctx: ChartContext): ChartSpec {
	const fmt = count(ctx);
	const categories = rows.map((r) => yearLabel(ctx.lang, r.year, r.as_of));
	const key = { 3: 's3', 4: 's4', 5: 's5' } as const;
	const option = bars({
		categories,
		theme: ctx.theme,
		fmt,
		integer: true,
		valueName: t(ctx.lang, 'dom.ocop.products'),
		totals: true,
		series: OCOP_STARS.map((s) => ({
			name: starName(ctx, s),
			values: rows.map((r) => r[key[s]]),
			stack: 'stars',
			color: starColor(ctx.theme, s),
			labels: false
		}))
	});
	const last = rows.at(-1);
	const label = `${t(ctx.lang, 'dom.ocop.stars.chart')}. ${listPairs(rows.map((r) => String(r.year)), rows.map((r) => r.total), fmt)}.${
		last ? ` ${last.year}: ${OCOP_STARS.map((s) => `${starName(ctx, s)} ${fmt(last[key[s]])}`).join(', ')}.` : ''
	}`;
	return { option, label };
}

export interface Category {
	key: string;
	name: string;
	s3: number;
	s4: number;
	s5: number;
	total: number;
}

const byStars = (rows: { stars: number; value: number }[]) => {
	const get = (s: number) => rows.filter((r) => r.stars === s).reduce((a, r) => a + r.value, 0);
	return { s3: get(3), s4: get(4), s5: get(5), total: get(3) + get(4) + get(5) };
};

/** Groups in the catalogue order; each with its products by stars. */
export function groupCategories(rows: GroupRow[], ctx: ChartContext): Category[] {
	return OCOP_GROUPS.map((g) => ({
		key: g,
		name: t(ctx.lang, `dom.ocop.group.${g}` as MessageKey),
		...byStars(rows.filter((r) => r.product_group === g))
	})).filter((c) => c.total > 0);
}

/** Districts (old province) or former provinces (new province), largest first; "none" last. */
export function areaCategories(rows: AreaRow[], ctx: ChartContext, unitVintage: string): Category[] {
	const keys = [...new Set(rows.map((r) => `${r.area_code ?? ''}@${r.area_vintage ?? ''}`))];
	const cats = keys.map((k) => {
		const mine = rows.filter((r) => `${r.area_code ?? ''}@${r.area_vintage ?? ''}` === k);
		const r = mine[0];
		const plain = ctx.lang === 'vi' ? r.name_vi : r.name_en;
		const name =
			r.area_code == null
				? t(ctx.lang, 'dom.ocop.area.none')
				: unitVintage === '2025'
					? t(ctx.lang, r.area_vintage === '2025' ? 'dom.ocop.area.new' : 'dom.ocop.area.old', { name: plain ?? r.area_code })
					: (plain ?? r.area_code);
		return { key: k, name, ...byStars(mine), last: r.area_code == null || r.area_vintage === '2025' };
	});
	return cats
		.sort((a, b) => Number(a.last) - Number(b.last) || b.total - a.total || a.name.localeCompare(b.name, 'vi'))
		.map(({ last: _, ...c }) => c);
}

/** Horizontal stacked bars by category (groups, areas), stars stacked, total at the end. */
export function categoryStarsOption(cats: Category[], title: string, ctx: ChartContext): ChartSpec {
	const fmt = count(ctx);
	const key = { 3: 's3', 4: 's4', 5: 's5' } as const;
	const option = bars({
		categories: cats.map((c) => c.name),
		horizontal: true,
		theme: ctx.theme,
		fmt,
		integer: true,
		totals: true,
		series: OCOP_STARS.map((s) => ({
			name: starName(ctx, s),
			values: cats.map((c) => c[key[s]]),
			stack: 'stars',
			color: starColor(ctx.theme, s)
		}))
	});
	return { option, label: `${title}. ${listPairs(cats.map((c) => c.name), cats.map((c) => c.total), fmt)}.` };
}

export const STATUS_ORDER = ['in_force', 'expired', 'revoked'] as const;

/** Products by the state of their latest certificate at the date. */
export function statusOption(rows: StatusRow[], title: string, ctx: ChartContext): ChartSpec {
	const fmt = count(ctx);
	const names = STATUS_ORDER.map((s) => t(ctx.lang, `dom.ocop.status.${s}`));
	const values = STATUS_ORDER.map((s) => rows.find((r) => r.status === s)?.value ?? 0);
	const colors = [ctx.theme.dark ? '#3fd0a4' : '#1f7a4d', ctx.theme.dark ? '#f5b93d' : '#c77700', ctx.theme.dark ? '#ff8a8a' : '#b4232a'];
	const option = bars({
		categories: names,
		horizontal: true,
		theme: ctx.theme,
		fmt,
		integer: true,
		legend: false,
		series: [{ name: t(ctx.lang, 'dom.col.count'), values, labels: true }]
	});
	// one colour per bar: status is the category
	(option.series as { data: unknown[] }[])[0].data = values.map((v, i) => ({ value: v, itemStyle: { color: colors[i] } }));
	return { option, label: `${title}. ${listPairs(names, values, fmt)}.` };
}

export const upgradeKey = (r: Pick<UpgradeRow, 'from_stars' | 'to_stars'>) => `${r.from_stars}-${r.to_stars}`;

/** Upgrades per year, stacked by transition (3★→4★, 4★→5★, 3★→5★). */
export function upgradesOption(rows: UpgradeRow[], years: { year: number; as_of: string | null }[], ctx: ChartContext): ChartSpec {
	const fmt = count(ctx);
	const kinds = [...new Set(rows.map(upgradeKey))].sort();
	const name = (k: string) => {
		const [from, to] = k.split('-');
		return t(ctx.lang, 'dom.ocop.upgrade', { from: t(ctx.lang, 'dom.starsShort', { n: from }), to: t(ctx.lang, 'dom.starsShort', { n: to }) });
	};
	const value = (y: number, k: string) => rows.filter((r) => r.year === y && upgradeKey(r) === k).reduce((a, r) => a + r.value, 0);
	const option = bars({
		categories: years.map((y) => yearLabel(ctx.lang, y.year, y.as_of)),
		theme: ctx.theme,
		fmt,
		integer: true,
		totals: true,
		valueName: t(ctx.lang, 'dom.ocop.products'),
		series: kinds.map((k) => ({
			name: name(k),
			values: years.map((y) => value(y.year, k)),
			stack: 'up',
			color: starColor(ctx.theme, Number(k.split('-')[1]))
		}))
	});
	const totals = years.map((y) => kinds.reduce((a, k) => a + value(y.year, k), 0));
	return { option, label: `${t(ctx.lang, 'dom.ocop.upgrades.title')}. ${listPairs(years.map((y) => String(y.year)), totals, fmt)}.` };
}

/** Certificates expiring per month in the 6 months after the date, stacked by stars. */
export function expiringOption(rows: ExpiringRow[], date: string, ctx: ChartContext): ChartSpec {
	const fmt = count(ctx);
	const [y, m] = date.split('-').map(Number);
	// the months from the date's month to six months later
	const months = Array.from({ length: 7 }, (_, i) => {
		const mm = ((m - 1 + i) % 12) + 1;
		const yy = y + Math.floor((m - 1 + i) / 12);
		return `${yy}-${String(mm).padStart(2, '0')}`;
	}).filter((ym) => rows.some((r) => r.expiry_date.startsWith(ym)) || ym > date.slice(0, 7));
	const label = (ym: string) => {
		const [yy, mm] = ym.split('-').map(Number);
		return ctx.lang === 'vi' ? `${mm}/${yy}` : formatDate('en', `${ym}-01`).replace(/^1 (\w+) /, '$1\n');
	};
	const value = (ym: string, s: number) => rows.filter((r) => r.expiry_date.startsWith(ym) && r.stars === s).length;
	const option = bars({
		categories: months.map(label),
		theme: ctx.theme,
		fmt,
		integer: true,
		totals: true,
		series: OCOP_STARS.map((s) => ({ name: starName(ctx, s), values: months.map((ym) => value(ym, s)), stack: 'stars', color: starColor(ctx.theme, s) }))
	});
	const totals = months.map((ym) => rows.filter((r) => r.expiry_date.startsWith(ym)).length);
	return { option, label: `${t(ctx.lang, 'dom.ocop.expiring.byMonth')}. ${listPairs(months.map(label), totals, fmt)}.` };
}


/** Published national totals: 3★+ products and 5★ products per year (observations, not records). */
export function nationalOption(oc01: SeriesValue[], oc04: SeriesValue[], ctx: ChartContext): ChartSpec {
	const fmt = count(ctx);
	const years = [...new Set([...oc01, ...oc04].map((p) => p.year))].sort();
	const at = (pts: SeriesValue[], y: number) => pts.find((p) => p.year === y) ?? null;
	const option = bars({
		categories: years.map((y) => yearLabel(ctx.lang, y, at(oc01, y)?.asOf ?? at(oc04, y)?.asOf)),
		theme: ctx.theme,
		fmt,
		integer: true,
		valueName: t(ctx.lang, 'dom.ocop.products'),
		series: [
			{ name: t(ctx.lang, 'dom.ocop.national.oc01'), values: years.map((y) => at(oc01, y)?.value ?? null), labels: true, color: starColor(ctx.theme, 3) },
			{ name: t(ctx.lang, 'dom.ocop.national.oc04'), values: years.map((y) => at(oc04, y)?.value ?? null), labels: true, color: starColor(ctx.theme, 5) }
		]
	});
	return {
		option,
		label: `${t(ctx.lang, 'dom.ocop.national.title')}. ${t(ctx.lang, 'dom.ocop.national.oc01')}: ${listPairs(years.map(String), years.map((y) => at(oc01, y)?.value ?? null), fmt)}. ${t(ctx.lang, 'dom.ocop.national.oc04')}: ${listPairs(years.map(String), years.map((y) => at(oc04, y)?.value ?? null), fmt)}.`
	};
}
