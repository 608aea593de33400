/**
 * Turning a chart into files, in the browser. Loaded only when a user asks for a
 * download, so pages do not carry it.
 *
 * The chart is drawn again off screen at a fixed width in the light palette with its
 * caption (title, source, date), whatever the screen or theme: a PNG is 2000 px wide
 * (≥ 1890 px = 16 cm at 300 dpi, an A4 column) and says 300 dpi in its pHYs chunk, an
 * SVG keeps its text as text. Fonts are waited for, so the PNG has the page's type.
 */
import { echarts, type ChartOption } from '$lib/charts/echarts';
import { CanvasRenderer } from 'echarts/renderers';
import { captionSpace, type Caption } from '$lib/charts/caption';
import { captionedOption } from '$lib/export/captioned';
import { LIGHT_PALETTE } from '$lib/charts/trend-option';
import { tableCsv, tableSheet, type ExportTable } from '$lib/export/table';
import { withDpi } from '$lib/export/png';

// The pages draw SVG only; a PNG is drawn by the canvas renderer, which uses the page's fonts.
echarts.use([CanvasRenderer]);

/** CSS width of an exported chart; the PNG is drawn at twice that. */
export const EXPORT_WIDTH = 1000;
export const PNG_SCALE = 2;
const FONT_SIZE = 14;

/** White margin of a printed figure, in CSS px. */
const MARGIN = 16;

/** The option with its caption (wrapped to the export width) and the picture's size. */
function captioned(option: ChartOption, caption: Caption, plotHeight: number): { option: ChartOption; width: number; height: number } {
	const c = captionedOption(option, caption, LIGHT_PALETTE, EXPORT_WIDTH, FONT_SIZE, MARGIN);
	const space = captionSpace(caption, FONT_SIZE);
	return {
		option: { ...(c.option as object), animation: false } as ChartOption,
		width: EXPORT_WIDTH,
		height: Math.round(Math.max(240, plotHeight) + space.top + space.bottom + c.extra)
	};
}

async function fontsReady(): Promise<void> {
	try {
		await Promise.all(['400', '600', '700'].map((w) => document.fonts.load(`${w} 16px 'Be Vietnam Pro'`, 'Tiến độ')));
		await document.fonts.ready;
	} catch {
		// A missing font only changes the look; the file is still right.
	}
}

export function svgString(option: ChartOption, caption: Caption, plotHeight: number): string {
	const c = captioned(option, caption, plotHeight);
	const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: c.width, height: c.height });
	try {
		chart.setOption(c.option);
		return (chart as unknown as { renderToSVGString: () => string }).renderToSVGString();
	} finally {
		chart.dispose();
	}
}

export async function pngBytes(option: ChartOption, caption: Caption, plotHeight: number): Promise<Uint8Array<ArrayBuffer>> {
	await fontsReady();
	const c = captioned(option, caption, plotHeight);
	const host = document.createElement('div');
	host.style.cssText = `position:fixed;left:-20000px;top:0;width:${c.width}px;height:${c.height}px;`;
	document.body.append(host);
	const chart = echarts.init(host, undefined, { renderer: 'canvas', width: c.width, height: c.height });
	try {
		chart.setOption(c.option);
		const url = chart.getDataURL({ type: 'png', pixelRatio: PNG_SCALE, backgroundColor: LIGHT_PALETTE.surface });
		const bin = atob(url.slice(url.indexOf(',') + 1));
		const bytes = new Uint8Array(bin.length);
		for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
		return withDpi(bytes, 300) as Uint8Array<ArrayBuffer>;
	} finally {
		chart.dispose();
		host.remove();
	}
}

export async function xlsxBytes(caption: Caption, table: ExportTable, sheet: string): Promise<Uint8Array<ArrayBuffer>> {
	const XLSX = await import('@e965/xlsx');
	const ws = XLSX.utils.aoa_to_sheet(tableSheet(caption, table));
	ws['!cols'] = table.columns.map((c, i) => ({ wch: Math.min(48, Math.max(10, c.length + 2, ...table.rows.map((r) => String(r[i] ?? '').length + 2))) }));
	const wb = XLSX.utils.book_new();
	// Sheet names: at most 31 characters, none of : \ / ? * [ ]
	XLSX.utils.book_append_sheet(wb, ws, sheet.replace(/[:\\/?*[\]]/g, '-').slice(0, 31) || 'Sheet1');
	return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

export const csvText = tableCsv;

export { download } from './download';
