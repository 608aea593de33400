/** The domain pages, in tab order. A slug is part of the URL; startups include the Innovation Centre. */
export const DOMAIN_SLUGS = ['ocop', 'startups', 'st_firms', 'budget', 'ip', 'st_tasks'] as const;
export type DomainSlug = (typeof DOMAIN_SLUGS)[number];

export const isDomainSlug = (s: string): s is DomainSlug => (DOMAIN_SLUGS as readonly string[]).includes(s);
