/**
 * The domain charts' colours in the page's current theme (see theme-colours).
 */
import { LIGHT_THEME, type ChartTheme } from '$lib/charts/domain-options';
import { themeColours } from '../theme-colours.svelte';

export function chartTheme(): { readonly current: ChartTheme } {
	const { dark: _, ...light } = LIGHT_THEME;
	const colours = themeColours(
		{ fg: '--fg', muted: '--muted', border: '--border', surface: '--surface', accent: '--accent', target: '--target' },
		light
	);
	const current = $derived({ ...colours.current, dark: colours.dark });
	return {
		get current() {
			return current;
		}
	};
}
