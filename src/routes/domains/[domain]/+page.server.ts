import { error } from '@sveltejs/kit';
import { readMeta } from '$lib/server/prebaked';
import { DOMAIN_SLUGS, isDomainSlug } from '$lib/kpi/domains/slugs';

// One prerendered page per domain; unit, year, plan and language are read from the URL on the client.
export const entries = () => DOMAIN_SLUGS.map((domain) => ({ domain }));

export function load({ params }) {
	if (!isDomainSlug(params.domain)) error(404, `Unknown domain: ${params.domain}`);
	return { meta: readMeta(), domain: params.domain };
}
