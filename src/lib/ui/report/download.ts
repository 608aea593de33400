/**
 * "Tải DOCX": the report model and its charts (rasterised here) into the DOCX builder,
 * then a download named after the unit, plan and date. Browser only.
 */
import type { ReportModel } from '$lib/report/model';
import { buildReportDocx, type ChartImage } from '$lib/report/docx';
import { reportChartOption, CHART_HEIGHT, CHART_WIDTH } from '$lib/report/chart';
import { renderSvg } from '$lib/report/svg';
import { svgToPng } from './rasterise';
import { slug } from '$lib/export/filename';
import { download } from '$lib/ui/export/download';

/** "bao-cao_thai-binh_2021-2025_2026-10-31.docx": what and when. */
export function docxFileName(m: ReportModel): string {
	return `${m.lang === 'vi' ? 'bao-cao' : 'report'}_${slug(m.unitName)}_${m.plan}_${m.asOf}.docx`;
}

export async function reportDocxBlob(m: ReportModel): Promise<Blob> {
	const images = new Map<string, ChartImage>();
	for (const s of m.sections)
		for (const c of s.charts) {
			const svg = renderSvg(reportChartOption(c.data, m.lang), CHART_WIDTH, CHART_HEIGHT);
			images.set(c.id, { png: await svgToPng(svg, CHART_WIDTH, CHART_HEIGHT), width: CHART_WIDTH, height: CHART_HEIGHT });
		}
	const bytes = await buildReportDocx(m, images);
	return new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}

export function saveBlob(blob: Blob, name: string): void {
	download(blob, blob.type, name);
}
