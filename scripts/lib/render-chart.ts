/**
 * Charts drawn in Node: the report's option (src/lib/report/chart.ts) rendered by
 * ECharts' SSR to SVG, and SVG to PNG with resvg using the UI font's own TTF files
 * only (system fonts off), so the bytes depend on the input and not on the machine.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { renderSvg } from '../../src/lib/report/svg';
import { reportChartOption } from '../../src/lib/report/chart';
import type { IndicatorChartData } from '../../src/lib/report/chart-data';
import type { Lang } from '../../src/lib/i18n/messages';

/** A4 text column (16 cm) at 300 dpi. */
export const PRINT_WIDTH = 1890;

const FONT_DIR = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
const FONT_FILES = ['400Regular/BeVietnamPro_400Regular.ttf', '600SemiBold/BeVietnamPro_600SemiBold.ttf', '700Bold/BeVietnamPro_700Bold.ttf'].map((f) =>
	join(FONT_DIR, f)
);

export function chartSvg(chart: IndicatorChartData, lang: Lang, width = 1000, height = 560): string {
	return renderSvg(reportChartOption(chart, lang, { width }), width, height);
}

/** PNG at print resolution: scaled so the width is at least PRINT_WIDTH px. */
export function svgToPng(svg: string, width: number, minWidth = PRINT_WIDTH): Buffer {
	const scale = Math.max(1, Math.ceil((minWidth / width) * 100) / 100);
	const resvg = new Resvg(svg, {
		fitTo: { mode: 'width', value: Math.round(width * scale) },
		// fontFiles, not fontBuffers: with buffers resvg-js 2.6 ignores fitTo.
		font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'Be Vietnam Pro', sansSerifFamily: 'Be Vietnam Pro' },
		background: '#ffffff'
	});
	return Buffer.from(resvg.render().asPng());
}
