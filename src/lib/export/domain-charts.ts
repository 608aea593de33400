/**
 * The charts of the domain pages, by block id, with the dataset their figures come from:
 * what /embed/domain accepts and what its caption cites.
 */
export const DOMAIN_CHARTS: Record<string, Record<string, string>> = {
	ocop: {
		'ocop-national': 'observations',
		'ocop-stars': 'ocop_products',
		'ocop-groups': 'ocop_products',
		'ocop-areas': 'ocop_products',
		'ocop-status': 'ocop_products',
		'ocop-upgrades': 'ocop_products',
		'ocop-expiring': 'ocop_products'
	},
	startups: {
		'startups-pipeline': 'startups',
		'startups-years': 'startups',
		'startups-orgs': 'startups',
		'startups-centre': 'startups'
	},
	st_firms: { 'firms-years': 'st_firms', 'firms-fields': 'st_firms' },
	budget: { 'budget-quarters': 'budget', 'budget-sources': 'budget', 'budget-share': 'budget' },
	ip: { 'ip-marks': 'ip_titles', 'ip-filings': 'ip_titles', 'ip-key-products': 'observations' },
	st_tasks: { 'tasks-years': 'st_tasks', 'tasks-overdue': 'st_tasks', 'tasks-levels': 'st_tasks' }
};

export const domainOfChart = (id: string): string | null =>
	Object.entries(DOMAIN_CHARTS).find(([, charts]) => id in charts)?.[0] ?? null;
