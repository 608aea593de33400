/** Why a block is empty, said plainly: the unit had ended, the country has no records, or no data yet. */
import { t, type Lang } from '$lib/i18n/messages';
import { formatDate } from '$lib/i18n/format';
import type { DomainScope } from '$lib/kpi/domains/scope';

export const unitName = (lang: Lang, scope: DomainScope) => (lang === 'vi' ? scope.unit.name_vi : scope.unit.name_en);

export function emptyRecords(lang: Lang, scope: DomainScope): string {
	if (scope.unit.level === 'country') return t(lang, 'dom.country');
	if (!scope.date) return t(lang, 'dom.unitEnded', { unit: unitName(lang, scope), year: scope.year });
	return t(lang, 'dom.emptyRecords', { unit: unitName(lang, scope), year: scope.year });
}

export function emptyObservations(lang: Lang, scope: DomainScope): string {
	if (!scope.date && scope.unit.level !== 'country') return t(lang, 'dom.unitEnded', { unit: unitName(lang, scope), year: scope.year });
	return t(lang, 'dom.emptyObs', { unit: unitName(lang, scope) });
}

/** For cumulative blocks: a plan that starts after the chosen year has nothing yet. */
export function planNotStarted(lang: Lang, scope: DomainScope): string | null {
	if (Number(scope.planStart.slice(0, 4)) <= scope.year) return null;
	return t(lang, 'dom.planNotStarted', { plan: scope.plan.replace('-', '–'), start: formatDate(lang, scope.planStart), year: scope.year });
}
