/**
 * ECharts renders a tooltip formatter's return value as HTML. Every chart option builder
 * is given names and units made of XSS payloads; every tooltip formatter function in the
 * option is then called for every data item of every series (item and axis triggers),
 * and what it returns must hold the payload only as escaped text.
 *
 * Tooltips without a formatter use ECharts' default markup, which escapes names and
 * values itself (echarts/lib/component/tooltip/tooltipMarkup.js, encodeHTML); that path
 * is exercised in Chromium by tests/e2e/xss.e2e.ts (query chart with payload names).
 * Labels, titles and axis text are drawn by the SVG renderer as text nodes, not HTML.
 */
import { describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads';
import { trendModel } from '../../src/lib/kpi/indicator/trend';
import { breakdownOption, trendOption } from '../../src/lib/charts/trend-option';
import { rankingOption } from '../../src/lib/charts/ranking-option';
import { buildResultOption, type ChartColumn } from '../../src/lib/charts/result-option';
import { bars, LIGHT_THEME } from '../../src/lib/charts/domain-options';
import { withCaption } from '../../src/lib/charts/caption';
import { LIGHT_PALETTE } from '../../src/lib/charts/trend-option';
import type { ChartOption } from '../../src/lib/charts/echarts';

type Fn = (...args: unknown[]) => unknown;
type Obj = Record<string, unknown>;

/** Every `formatter` function inside a `tooltip` object, anywhere in the option. */
function tooltipFormatters(node: unknown, inTooltip = false, out: Fn[] = []): Fn[] {
	if (Array.isArray(node)) node.forEach((n) => tooltipFormatters(n, inTooltip, out));
	else if (node && typeof node === 'object')
		for (const [k, v] of Object.entries(node as Obj)) {
			if (inTooltip && k === 'formatter' && typeof v === 'function') out.push(v as Fn);
			else tooltipFormatters(v, inTooltip || k === 'tooltip', out);
		}
	return out;
}

/** ECharts-like params for every data item of every series. */
function paramsOf(option: ChartOption): Obj[] {
	const o = option as Obj;
	const series = (Array.isArray(o.series) ? o.series : [o.series]).filter(Boolean) as Obj[];
	const axes = [o.xAxis, o.yAxis].flat().filter(Boolean) as Obj[];
	const categories = (axes.find((a) => Array.isArray(a.data))?.data as unknown[]) ?? [];
	const out: Obj[] = [];
	series.forEach((s, seriesIndex) =>
		((s.data as unknown[]) ?? []).forEach((d, dataIndex) => {
			const value = d && typeof d === 'object' && !Array.isArray(d) && 'value' in d ? (d as Obj).value : d;
			out.push({
				componentType: 'series',
				seriesIndex,
				seriesName: s.name,
				dataIndex,
				data: d,
				value,
				name: (d as Obj)?.name ?? categories[dataIndex],
				marker: '',
				color: '#000'
			});
		})
	);
	return out;
}

/** The text of an HTML fragment, as a browser would show it: tags dropped, entities decoded. */
const textOf = (html: string) =>
	html
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/?b>/gi, '')
		.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');

interface Case {
	name: string;
	build: (payload: string) => ChartOption;
}

const column = (name: string, kind: ChartColumn['kind'], values: (string | number | null)[]): ChartColumn => ({ name, kind, get: (r) => values[r] ?? null });

const CASES: Case[] = [
	{
		name: 'trendOption (indicator trend: unit of measure from the catalogue)',
		build: (p) =>
			trendOption({
				lang: 'vi',
				measure: p,
				model: trendModel({
					kind: 'level',
					direction: 'up',
					points: [2019, 2020, 2021, 2022, 2023].map((year, i) => ({ year, value: 40 + i * 10, asOf: `${year}-12-31` })),
					targets: [{ plan: p, baselineYear: 2020, baselineValue: 50, targetYear: 2025, targetMin: 120, targetMax: 140 }]
				})
			})
	},
	{
		name: 'breakdownOption (districts / old provinces: names from units)',
		build: (p) =>
			breakdownOption({
				lang: 'en',
				measure: p,
				items: [
					{ code: p, name: p, value: 12, share: 0.4 },
					{ code: 'b', name: `Huyện ${p}`, value: null, share: null }
				],
				rest: { code: 'rest', name: p, value: 3, share: 0.1 }
			})
	},
	{
		name: 'rankingOption (compare: province names)',
		build: (p) =>
			rankingOption(
				[
					{ code: '22', name: p, value: 10, label: p, selected: true },
					{ code: '34', name: `Tỉnh ${p}`, value: null, label: '', selected: false, missingLabel: p }
				],
				{ colours: { bar: '#00f', selected: '#f00', text: '#000', muted: '#666', grid: '#ccc' }, noDataLabel: p, description: p }
			)
	},
	...(['bar', 'line', 'stacked', 'scatter'] as const).map((kind) => ({
		name: `buildResultOption ${kind} (SQL console: column names and values from the query)`,
		build: (p: string) =>
			buildResultOption({
				kind,
				rows: 3,
				lang: 'vi' as const,
				x: kind === 'scatter' ? column(p, 'number', [1, 2, 3]) : column(p, 'text', [p, `${p}2`, p]),
				y: column(p, 'number', [1, -2, 3]),
				series: kind === 'scatter' || kind === 'stacked' ? column(p, 'text', [p, 'b', 'c']) : null
			}).option
	})),
	{
		name: 'bars (domain pages: categories and series names)',
		build: (p) =>
			bars({
				categories: [p, 'Q2'],
				series: [
					{ name: p, values: [1, -2], labels: true, stack: 's' },
					{ name: 'x', values: [3, null], type: 'line', axis: 1 }
				],
				theme: LIGHT_THEME,
				fmt: (v) => String(v),
				valueName: p,
				second: { name: p, fmt: (v) => `${v}%` },
				totals: true,
				references: [{ value: 2, label: p } as never]
			})
	},
	{
		name: 'withCaption (embeds/exports: title, source, note)',
		build: (p) =>
			withCaption(rankingOption([{ code: 'x', name: p, value: 1, label: p, selected: false }], {
				colours: { bar: '#00f', selected: '#f00', text: '#000', muted: '#666', grid: '#ccc' },
				noDataLabel: p,
				description: p
			}), { lang: 'vi', title: p, subtitle: p, source: p, asOf: '2026-10-31', note: p }, LIGHT_PALETTE)
	}
];

const counts: Record<string, number> = {};

describe.each(CASES)('$name', ({ name, build }) => {
	it(`escapes every tooltip built from data (${XSS_PAYLOADS.length} payloads)`, () => {
		let calls = 0;
		let literal = 0;
		for (const payload of XSS_PAYLOADS) {
			const option = build(payload);
			const formatters = tooltipFormatters(option);
			const params = paramsOf(option);
			for (const f of formatters) {
				for (const p of [...params, params]) {
					let html: unknown;
					try {
						html = f(p);
					} catch {
						continue; // a formatter for another trigger (item vs axis) may not take these params
					}
					if (typeof html !== 'string' || html === '') continue;
					calls++;
					// Only the markup the builder itself writes may appear: <b>, <br/>.
					const tags = html.match(/<[^>]*>/g) ?? [];
					expect(tags.filter((t) => !/^<\/?b>$|^<br\s*\/?>$/i.test(t)), `${name}: ${html}`).toEqual([]);
					expect(html, `${name}: ${html}`).not.toMatch(/<[^>]*(\son\w+\s*=|javascript:)/i);
					// The payload is still there, as text a reader sees literally.
					if (textOf(html).includes(payload)) literal++;
				}
			}
		}
		counts[name] = calls;
		if (calls > 0) expect(literal, 'no tooltip showed the payload as text').toBeGreaterThan(0);
	});
});

describe('coverage of the formatters', () => {
	it('called custom tooltip formatters with payload data where builders have them', () => {
		// Builders with their own HTML tooltip must have been exercised; the others rely on ECharts' escaping.
		const custom = Object.entries(counts).filter(([, n]) => n > 0).map(([k]) => k.split(' ')[0]);
		expect(custom).toEqual(expect.arrayContaining(['trendOption', 'breakdownOption', 'rankingOption', 'buildResultOption']));
	});
});
