/**
 * Only the ECharts parts the dashboard uses (the full build is ~370 kB gzip), with the
 * SVG renderer: crisp on a projector, printable, and exportable as SVG.
 * Loaded on demand so the first page's JavaScript stays small.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart, PieChart } from 'echarts/charts';
import {
	GridComponent,
	TooltipComponent,
	LegendComponent,
	MarkLineComponent,
	MarkAreaComponent,
	MarkPointComponent,
	TitleComponent,
	DatasetComponent,
	AriaComponent
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
	BarChart,
	LineChart,
	ScatterChart,
	PieChart,
	GridComponent,
	TooltipComponent,
	LegendComponent,
	MarkLineComponent,
	MarkAreaComponent,
	MarkPointComponent,
	TitleComponent,
	DatasetComponent,
	AriaComponent,
	SVGRenderer
]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';
