/**
 * The comparison's rows as the page shows them: the value in the chosen normalisation,
 * formatted for the language, with a rank and the reason a value is missing.
 */
import { t, type Lang } from '$lib/i18n/messages';
import { formatNumber, formatValue } from '$lib/i18n/format';
import type { IndicatorRow } from '$lib/kpi/series';
import { rankRows, shownValue, type CompareRow, type Comparison, type Normalisation } from '$lib/kpi/compare';

export interface DisplayRow extends CompareRow {
	name: string;
	/** The value in the chosen normalisation (null when missing or not computable). */
	shown: number | null;
	/** Formatted value as is (e.g. "346", "30,18%"). */
	valueLabel: string;
	/** Formatted shown value, or why there is none. */
	shownLabel: string;
	/** Why there is no value at all (null when there is one). */
	reasonLabel: string | null;
	/** Why there is no shown value (null when there is one). */
	missingLabel: string | null;
	selected: boolean;
	/** Competition rank among rows with a shown value (1, 2, 2, 4). */
	rank: number | null;
	/** In the data at all (records or observations for this indicator). */
	inData: boolean;
}

export function displayRows(
	cmp: Comparison,
	opts: { lang: Lang; per: Normalisation; indicator: IndicatorRow; selected: string[] }
): DisplayRow[] {
	const { lang, per, indicator } = opts;
	const measure = indicator.unit_vi;
	const rows = cmp.rows.map((r): DisplayRow => {
		const s = shownValue(r, per);
		const reasonLabel = r.value != null ? null : t(lang, `compare.reason.${r.reason ?? 'no_data'}`, { year: cmp.year });
		const missingLabel = s.value != null ? null : s.missing ? t(lang, 'compare.reason.no_denominator') : reasonLabel;
		const shownLabel =
			s.value == null ? (missingLabel ?? '') : per === 'commune' ? formatNumber(lang, s.value, 2) : formatValue(lang, s.value, measure);
		return {
			...r,
			name: lang === 'vi' ? r.name_vi : r.name_en,
			shown: s.value,
			valueLabel: formatValue(lang, r.value, measure),
			shownLabel,
			reasonLabel,
			missingLabel,
			selected: opts.selected.includes(r.code),
			rank: null,
			inData: r.origin !== null
		};
	});
	const ranked = rankRows(rows.map((r) => ({ ...r, value: r.shown })));
	const byCode = new Map(rows.map((r) => [r.code, r]));
	let prev: number | null = null;
	let rank = 0;
	ranked.forEach((r, i) => {
		if (r.value == null) return;
		if (r.value !== prev) rank = i + 1;
		prev = r.value;
		byCode.get(r.code)!.rank = rank;
	});
	return ranked.map((r) => byCode.get(r.code)!);
}
