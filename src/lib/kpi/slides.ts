/**
 * Meeting mode's deck: a scorecard turned into the slides a vice-chair walks through
 * in a ten-minute agenda item — the overall picture, each domain, each late target
 * (worst first), and what needs a decision.
 *
 * Pure: the same rows give the same deck in the browser, in SSR and in tests. How
 * many targets fit on a slide is a parameter, so the layout decides and this module
 * only splits.
 */
import { DOMAINS, type Provenance } from '../data/schema';
import { t, type Lang, type MessageKey } from '../i18n/messages';
import { STATUS_ORDER, isLate, type StatusCode } from './semantics';
import type { ScorecardRow } from './scorecard';

/** Targets per domain slide: five fit at 16:9 with two-line names and the type large. */
export const ROWS_PER_SLIDE = 5;
/** Late targets listed on one closing slide next to the sources. */
export const DECISIONS_PER_SLIDE = 8;

export interface DeckOptions {
	plan?: string | null;
	domain?: string | null;
	rowsPerSlide?: number;
	decisionsPerSlide?: number;
}

export type Counts = Record<StatusCode, number>;

export interface TitleSlide {
	kind: 'title';
	key: string;
	/** null while the scorecard is not known yet (loading, error). */
	counts: Counts | null;
	total: number;
	late: number;
	plans: string[];
	/** Status counts per domain, in DOMAINS order, domains without targets left out. */
	byDomain: { domain: string; counts: Counts; total: number }[];
}

export interface DomainSlide {
	kind: 'domain';
	key: string;
	domain: string;
	part: number;
	parts: number;
	rows: ScorecardRow[];
}

export interface LateSlide {
	kind: 'late';
	key: string;
	row: ScorecardRow;
	position: number;
	of: number;
}

export interface ClosingSlide {
	kind: 'closing';
	key: string;
	decisions: ScorecardRow[];
	/** Number of the first decision on this slide (1-based), for a list that runs on. */
	start: number;
	lateTotal: number;
	part: number;
	parts: number;
	/** Rows whose sources the closing slide lists (all rows of the deck). */
	rows: ScorecardRow[];
}

export type Slide = TitleSlide | DomainSlide | LateSlide | ClosingSlide;

export const rowKey = (r: ScorecardRow) =>
	`${r.indicator}|${r.unit_code}@${r.unit_vintage}|${r.plan}|${r.basis}|${r.target_year}`;

const STATUSES: StatusCode[] = ['exceeded', 'met', 'not_met', 'on_track', 'at_risk', 'off_track', 'no_data'];

export function countStatuses(rows: ScorecardRow[]): Counts {
	const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Counts;
	for (const r of rows) counts[r.status] += 1;
	return counts;
}

/** The rows the deck shows: the plan (and domain) asked for, in the scorecard's order. */
export function deckRows(rows: ScorecardRow[], opts: DeckOptions = {}): ScorecardRow[] {
	return rows.filter((r) => (!opts.plan || r.plan === opts.plan) && (!opts.domain || r.domain === opts.domain));
}

/** Split into `parts` nearly equal chunks (5 → 3 + 2, never 4 + 1). */
export function chunk<T>(items: T[], max: number): T[][] {
	if (items.length === 0) return [];
	const parts = Math.ceil(items.length / Math.max(1, max));
	const out: T[][] = [];
	let from = 0;
	for (let i = 0; i < parts; i++) {
		const size = Math.ceil((items.length - from) / (parts - i));
		out.push(items.slice(from, from + size));
		from += size;
	}
	return out;
}

/** Late targets, worst status first; ties keep the scorecard's order. */
export function lateRows(rows: ScorecardRow[]): ScorecardRow[] {
	const rank = (s: StatusCode) => STATUS_ORDER.indexOf(s);
	return rows
		.map((r, i) => ({ r, i }))
		.filter(({ r }) => isLate(r.status))
		.sort((a, b) => rank(a.r.status) - rank(b.r.status) || a.i - b.i)
		.map(({ r }) => r);
}

/**
 * The deck. `rows` null means the scorecard is not there yet: the deck is the title
 * slide alone, which shows the loading or error state.
 */
export function buildSlides(rows: ScorecardRow[] | null, opts: DeckOptions = {}): Slide[] {
	const plan = opts.plan ? [opts.plan] : [];
	if (rows === null) return [{ kind: 'title', key: 'title', counts: null, total: 0, late: 0, plans: plan, byDomain: [] }];
	const shown = deckRows(rows, opts);
	const late = lateRows(shown);
	const plans = opts.plan ? plan : [...new Set(shown.map((r) => r.plan))].sort();
	const known = new Set<string>(DOMAINS);
	// A domain the catalogue adds before the schema knows it still gets its slide, last.
	const domains = [...DOMAINS, ...[...new Set(shown.map((r) => r.domain))].filter((d) => !known.has(d)).sort()];
	const byDomain = domains
		.map((domain) => {
			const own = shown.filter((r) => r.domain === domain);
			return { domain, counts: countStatuses(own), total: own.length };
		})
		.filter((d) => d.total > 0);
	const slides: Slide[] = [
		{ kind: 'title', key: 'title', counts: countStatuses(shown), total: shown.length, late: late.length, plans, byDomain }
	];
	// Nothing to present: the title slide says so ("Chưa có chỉ tiêu cho kế hoạch này").
	if (shown.length === 0) return slides;
	for (const domain of domains) {
		const parts = chunk(
			shown.filter((r) => r.domain === domain),
			opts.rowsPerSlide ?? ROWS_PER_SLIDE
		);
		parts.forEach((part, i) =>
			slides.push({ kind: 'domain', key: `domain:${domain}:${i + 1}`, domain, part: i + 1, parts: parts.length, rows: part })
		);
	}

	late.forEach((row, i) => slides.push({ kind: 'late', key: `late:${rowKey(row)}`, row, position: i + 1, of: late.length }));

	const decisionParts = chunk(late, opts.decisionsPerSlide ?? DECISIONS_PER_SLIDE);
	if (decisionParts.length === 0) decisionParts.push([]);
	let start = 1;
	decisionParts.forEach((decisions, i) => {
		slides.push({
			kind: 'closing',
			key: `closing:${i + 1}`,
			decisions,
			start,
			lateTotal: late.length,
			part: i + 1,
			parts: decisionParts.length,
			rows: shown
		});
		start += decisions.length;
	});
	return slides;
}

const rowName = (r: ScorecardRow, lang: Lang) => (lang === 'vi' ? r.name_vi : r.name_en);

/** A slide's title in words: its heading and the accessible name of its region. */
export function slideTitle(slide: Slide, lang: Lang, unitName: string): string {
	const part = (title: string, p: number, n: number) => (n > 1 ? t(lang, 'meeting.part', { title, part: p, parts: n }) : title);
	switch (slide.kind) {
		case 'title':
			return unitName;
		case 'domain':
			return part(t(lang, `domain.${slide.domain}` as MessageKey), slide.part, slide.parts);
		case 'late':
			return rowName(slide.row, lang);
		case 'closing':
			return part(t(lang, 'meeting.decisions'), slide.part, slide.parts);
	}
}

/** Where a slide's numbers come from: target documents, datasets and how certain they are. */
export function slideSources(rows: ScorecardRow[]): {
	documents: { document: string; provenance: Provenance }[];
	datasets: { name: string; provenance: Provenance }[];
	asOf: string | null;
	illustrative: boolean;
} {
	const documents = new Map<string, Provenance>();
	for (const r of rows) if (!documents.has(r.document)) documents.set(r.document, r.target_provenance);
	// A dataset read by several rows is as certain as its least certain reading.
	const rank: Record<Provenance, number> = { published: 0, calibrated: 1, illustrative: 2 };
	const datasets = new Map<string, Provenance>();
	for (const r of rows) {
		const prev = datasets.get(r.actual_dataset);
		if (!prev || rank[r.actual_provenance] > rank[prev]) datasets.set(r.actual_dataset, r.actual_provenance);
	}
	const dates = rows.map((r) => r.as_of).filter((d): d is string => !!d);
	const asOf = dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
	const illustrative = rows.some((r) => r.target_provenance !== 'published' || r.actual_provenance !== 'published');
	return {
		documents: [...documents].map(([document, provenance]) => ({ document, provenance })),
		datasets: [...datasets].map(([name, provenance]) => ({ name, provenance })),
		asOf,
		illustrative
	};
}
