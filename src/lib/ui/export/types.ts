/**
 * What a chart on a page hands to its "Tải xuống" menu and its "Nhúng" button: its
 * caption, its option in the light palette (a printed page is white), the rows it
 * draws and where its embed lives. Pages build it; the menu only renders and downloads.
 */
import type { ChartOption } from '$lib/charts/echarts';
import type { Caption } from '$lib/charts/caption';
import type { ExportTable } from '$lib/export/table';
import type { FileNameParts } from '$lib/export/filename';

export interface ChartTools {
	caption: Caption;
	/** The chart's option in the light palette, without caption (the exporter adds it). */
	light: () => ChartOption;
	/** The rows the chart draws. */
	table: () => ExportTable;
	file: Omit<FileNameParts, 'ext' | 'today'>;
	/** Path and query of the embed page after the base path ('/embed/chart?kind=trend&…'), if any. */
	embed?: string;
	/** Plot height in px on the page: exports keep its proportions. */
	height: number;
}

/** Set in an embed page's context: charts inside an embed show no toolbar. */
export const EMBED_CONTEXT = 'tiendo-embed';

/** Set by a domain block: the id and title of the block a chart sits in. */
export const BLOCK_CONTEXT = 'tiendo-block';
/** Set by /embed/domain: the one block to show. */
export const EMBED_ONLY_CONTEXT = 'tiendo-embed-only';
