/**
 * withCaption for a known width: long titles and source lines (a dataset, a decision
 * number and "Số liệu minh họa…" easily pass 150 characters) wrap instead of running off
 * the picture, and the plot makes room for the extra lines. Used by embeds and exports,
 * so a PNG and an iframe print the same caption.
 */
import type { ChartOption } from '../charts/echarts';
import { withCaption, type Caption } from '../charts/caption';
import type { ChartPalette } from '../charts/trend-option';

/** Average advance of a Be Vietnam Pro character, in ems (measured on Vietnamese text). */
const EM = 0.56;

export function lineCount(text: string, width: number, fontSize: number): number {
	const perLine = Math.max(8, Math.floor(width / (fontSize * EM)));
	// Break at spaces as a wrapping renderer would: count words onto lines.
	let lines = 1;
	let used = 0;
	for (const word of text.split(/\s+/)) {
		const n = word.length + (used ? 1 : 0);
		if (used + n > perLine && used > 0) {
			lines++;
			used = word.length;
		} else used += n;
	}
	return lines;
}

export interface Captioned {
	option: ChartOption;
	/** Pixels the caption takes above and below the plot, wrapping included. */
	extra: number;
}

/** `margin`: white space around everything, in px (a printed figure needs it; an embed does not). */
export function captionedOption(option: ChartOption, caption: Caption, palette: ChartPalette, width: number, fontSize = 14, margin = 0): Captioned {
	const o = withCaption(option, caption, palette, fontSize) as Record<string, unknown>;
	const titles = (o.title as Record<string, unknown>[]).map((x) => ({ ...x }));
	const inner = width - 4 - 2 * margin;
	const titleFs = Math.round(fontSize * 1.25);
	const footFs = Math.round(fontSize * 0.9);
	const titleLh = Math.round(titleFs * 1.35);
	const subLh = Math.round(fontSize * 1.35);
	const footLh = Math.round(footFs * 1.4);
	const titleLines = lineCount(caption.title, inner, titleFs * 1.04);
	const subLines = caption.subtitle ? lineCount(caption.subtitle, inner, fontSize) : 0;
	const footLines = lineCount(titles[1].text as string, inner, footFs);
	titles[0] = {
		...titles[0],
		left: margin,
		top: margin,
		itemGap: 2,
		textStyle: { ...(titles[0].textStyle as object), width: inner, overflow: 'break', lineHeight: titleLh },
		subtextStyle: { ...(titles[0].subtextStyle as object), width: inner, overflow: 'break', lineHeight: subLh }
	};
	titles[1] = { ...titles[1], left: margin, bottom: margin, textStyle: { ...(titles[1].textStyle as object), width: inner, overflow: 'break', lineHeight: footLh } };
	// withCaption reserved one line each; the rest is added here.
	const top = (titleLines - 1) * titleLh + Math.max(0, subLines - 1) * subLh + 6 + margin;
	const bottom = (footLines - 1) * footLh + 4 + margin;
	const side = (v: unknown) => (typeof v === 'number' ? v + margin : v);
	const shift = (g: Record<string, unknown>) => ({ ...g, top: Number(g.top) + top, bottom: Number(g.bottom) + bottom, left: side(g.left), right: side(g.right) });
	const grid = Array.isArray(o.grid) ? (o.grid as Record<string, unknown>[]).map(shift) : shift(o.grid as Record<string, unknown>);
	const legend = o.legend && typeof o.legend === 'object' && !Array.isArray(o.legend) && typeof (o.legend as { top?: unknown }).top === 'number'
		? { ...(o.legend as object), top: (o.legend as { top: number }).top + top, ...(typeof (o.legend as { left?: unknown }).left === 'number' ? { left: (o.legend as { left: number }).left + margin } : {}) }
		: o.legend;
	return { option: { ...o, title: titles, grid, legend } as ChartOption, extra: top + bottom };
}
