/**
 * An ECharts option drawn to an SVG string without a DOM (ECharts' server-side
 * rendering), in Node for the CLI and in the browser for the report's DOCX images.
 * The SVG is a pure function of the option and size: no animation, no timestamps,
 * and ECharts' generated ids are counters reset by each new instance.
 */
import { echarts, type ChartOption } from '../charts/echarts';

export function renderSvg(option: ChartOption, width: number, height: number): string {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption({ ...(option as object), animation: false } as ChartOption);
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}
