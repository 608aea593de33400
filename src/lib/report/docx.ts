/**
 * The progress report as a Word document: real tables (header row repeated on every
 * page, rows never split, borders), Word's own heading styles (so the navigation pane
 * and a table of contents work), charts as PNG images with their caption lines, A4
 * with the margins of Nghị định 30/2020/NĐ-CP (top and bottom 20 mm, left 30 mm,
 * right 15 mm) and the page number in the footer.
 *
 * Font: Times New Roman 13 pt. Nghị định 30/2020/NĐ-CP (administrative documents)
 * prescribes Times New Roman (Unicode, TCVN 6909:2001) at 13–14 pt, and officials paste
 * these tables into such documents; every Windows and macOS Word has it, and
 * LibreOffice substitutes the metric-compatible Liberation Serif, so line breaks hold.
 * The charts keep the dashboard's Be Vietnam Pro: they are images, their font travels with them.
 *
 * Pure: the model and the charts' PNG bytes in, the .docx bytes out — the same code
 * runs in the browser ("Tải DOCX") and in Node (`npm run report`).
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	Footer,
	HeadingLevel,
	ImageRun,
	LineRuleType,
	Packer,
	PageNumber,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	VerticalAlign,
	WidthType,
	type IBorderOptions
} from 'docx';
import type { ReportModel, ReportRow } from './model';

export interface ChartImage {
	/** PNG bytes (print resolution). */
	png: Uint8Array;
	/** Pixel size of the drawing the PNG was rendered from (its aspect ratio is kept). */
	width: number;
	height: number;
}

export const DOCX_FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt
const SMALL = 22; // 11 pt, tables and captions
const MM = 56.6929; // twips per millimetre
const PAGE = { width: Math.round(210 * MM), height: Math.round(297 * MM) };
const MARGIN = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };
/** Text width in twips (165 mm) and in CSS pixels at 96 dpi, the unit of ImageRun's size. */
const TEXT_TWIPS = PAGE.width - MARGIN.left - MARGIN.right;
const TEXT_PX = Math.round((165 / 25.4) * 96);

const border: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

const run = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
	new TextRun({ text, bold: opts.bold, italics: opts.italics, size: opts.size });

const para = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; keepNext?: boolean } = {}) =>
	new Paragraph({
		children: [run(text, opts)],
		alignment: opts.align ?? AlignmentType.JUSTIFIED,
		spacing: { after: opts.after ?? 120 },
		keepNext: opts.keepNext
	});

const cell = (text: string, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; width: number; lines?: string[] }) =>
	new TableCell({
		borders,
		width: { size: opts.width, type: WidthType.DXA },
		verticalAlign: VerticalAlign.CENTER,
		margins: { top: 40, bottom: 40, left: 80, right: 80 },
		children: [text, ...(opts.lines ?? [])].map(
			(line, i) =>
				new Paragraph({
					alignment: opts.align ?? AlignmentType.LEFT,
					children: [run(line, { bold: opts.bold && i === 0, size: i === 0 ? SMALL : SMALL - 2, italics: i > 0 })]
				})
		)
	});

/** Column widths in twips, summing to the text width; the unit column only for a merged province. */
function columns(showUnit: boolean): number[] {
	const fixed = [520, 1150, 1300, 1550, 850, 1050];
	const unit = showUnit ? 1250 : 0;
	const name = TEXT_TWIPS - fixed.reduce((a, b) => a + b, 0) - unit;
	return showUnit ? [fixed[0], name, unit, ...fixed.slice(1)] : [fixed[0], name, ...fixed.slice(1)];
}

function targetsTable(m: ReportModel): Table {
	const widths = columns(m.showUnit);
	const c = m.columns;
	const headers = [c.no, c.indicator, ...(m.showUnit ? [c.unit] : []), c.baseline, c.target, c.actual, c.pct, c.status];
	const header = new TableRow({
		tableHeader: true,
		cantSplit: true,
		children: headers.map((h, i) => cell(h, { bold: true, align: AlignmentType.CENTER, width: widths[i] }))
	});
	const body = m.rows.map((r: ReportRow) => {
		const values: { text: string; lines?: string[]; align?: (typeof AlignmentType)[keyof typeof AlignmentType] }[] = [
			{ text: String(r.no), align: AlignmentType.CENTER },
			{ text: `${r.indicator} ${r.name}${r.illustrative ? ' †' : ''}` },
			...(m.showUnit ? [{ text: r.unitName }] : []),
			{ text: r.baseline, lines: r.baselineYear ? [r.baselineYear] : [], align: AlignmentType.RIGHT },
			{ text: r.target, lines: [r.targetYear], align: AlignmentType.RIGHT },
			{ text: r.actual, lines: r.actualDate ? [r.actualDate] : [], align: AlignmentType.RIGHT },
			{ text: r.pct, align: AlignmentType.RIGHT },
			{ text: r.statusLabel, align: AlignmentType.CENTER }
		];
		return new TableRow({ cantSplit: true, children: values.map((v, i) => cell(v.text, { ...v, width: widths[i] })) });
	});
	return new Table({ rows: [header, ...body], width: { size: TEXT_TWIPS, type: WidthType.DXA }, columnWidths: widths });
}

function figure(chart: ReportModel['sections'][number]['charts'][number], image: ChartImage | undefined): Paragraph[] {
	if (!image) return [];
	const height = Math.round((TEXT_PX * image.height) / image.width);
	return [
		new Paragraph({
			alignment: AlignmentType.CENTER,
			keepNext: true,
			keepLines: true,
			spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO },
			children: [
				new ImageRun({
					type: 'png',
					data: image.png,
					transformation: { width: TEXT_PX, height },
					altText: { name: chart.id, title: chart.title, description: chart.label }
				})
			]
		}),
		para(chart.title, { bold: true, size: SMALL, align: AlignmentType.CENTER, after: 0, keepNext: true }),
		para(chart.sourceLine, { italics: true, size: SMALL - 2, align: AlignmentType.CENTER, after: 200 })
	];
}

export function reportDocument(m: ReportModel, images: Map<string, ChartImage>): Document {
	const children: (Paragraph | Table)[] = [
		new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [run(m.title)] }),
		...m.subtitle.map((s) => para(s, { align: AlignmentType.CENTER, italics: true, after: 60 })),
		para('', { after: 120 }),
		new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(m.headings.s1)] }),
		...m.summary.lines.map((l) => para(l)),
		new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(m.headings.s2)] }),
		...(m.rows.length ? [targetsTable(m)] : []),
		...(m.dagger ? [para(m.dagger, { italics: true, size: SMALL - 2 })] : []),
		new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(m.headings.s3)] })
	];
	m.sections.forEach((s, i) => {
		children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [run(`${i + 1}. ${s.title}`)] }));
		children.push(para(s.intro));
		for (const line of s.lines) children.push(para(`- ${line}`));
		for (const c of s.charts) children.push(...figure(c, images.get(c.id)));
	});
	children.push(
		new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(m.headings.s4)] }),
		new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(m.headings.datasets)] }),
		...m.sources.datasets.map((d) => para(`- ${d}`, { size: SMALL })),
		new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(m.headings.documents)] }),
		...m.sources.documents.map((d) => para(`- ${d}`, { size: SMALL })),
		para(m.sources.note, { italics: true, size: SMALL }),
		para(m.footer, { italics: true, size: SMALL - 2 })
	);

	const heading = (size: number) => ({ run: { font: DOCX_FONT, size, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } });
	return new Document({
		creator: 'Tiến độ',
		title: `${m.title} — ${m.unitName}`,
		description: m.subtitle.join(' · '),
		styles: {
			default: {
				// lineRule auto: without it LibreOffice reads the spacing as exact and crops the images.
				document: { run: { font: DOCX_FONT, size: SIZE }, paragraph: { spacing: { line: 288, lineRule: LineRuleType.AUTO } } },
				title: { run: { font: DOCX_FONT, size: 30, bold: true, color: '000000' }, paragraph: { spacing: { after: 120 } } },
				heading1: heading(28),
				heading2: heading(SIZE)
			}
		},
		sections: [
			{
				properties: { page: { size: PAGE, margin: MARGIN } },
				footers: {
					default: new Footer({
						children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: SMALL })] })]
					})
				},
				children
			}
		]
	});
}

/** The .docx file's bytes. */
export async function buildReportDocx(m: ReportModel, images: Map<string, ChartImage>): Promise<Uint8Array> {
	return Packer.pack(reportDocument(m, images), 'uint8array');
}
