/** What every domain chart builder needs: the language, the theme, number formats. */
import type { Lang } from '../../i18n/messages';
import { formatNumber, formatPercent } from '../../i18n/format';
import type { ChartTheme, Fmt } from '../domain-options';

export interface ChartContext {
	lang: Lang;
	theme: ChartTheme;
}

export const count = (ctx: ChartContext): Fmt => (x) => formatNumber(ctx.lang, x, 0);
/** Amounts in tỷ đồng: one decimal, as in the tables and cards. */
export const amount = (ctx: ChartContext): Fmt => (x) => formatNumber(ctx.lang, x, 1);
/** A value already in percent (59.4 → "59,4%"). */
export const percent = (ctx: ChartContext): Fmt => (x) => formatPercent(ctx.lang, x / 100, 1);
/** Axis ticks of a percent axis: "2%" rather than "2,0%". */
export const percentTick = (ctx: ChartContext): Fmt => (x) => formatPercent(ctx.lang, x / 100, Number.isInteger(x) ? 0 : 1);
/** Axis ticks of an amount axis: whole numbers without ",0". */
export const amountTick = (ctx: ChartContext): Fmt => (x) => formatNumber(ctx.lang, x, Number.isInteger(x) ? 0 : 1);
