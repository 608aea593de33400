/**
 * The chart colours of the page's current theme (app.css variables), kept in step
 * with the theme toggle and the system's light/dark preference. ECharts draws SVG
 * attributes, which cannot hold CSS variables, so the values are read and passed in.
 */
import { LIGHT_THEME, type ChartTheme } from '$lib/charts/domain-options';

export function chartTheme(): { current: ChartTheme } {
	const state = $state({ current: LIGHT_THEME });
	$effect(() => {
		const read = () => {
			const css = getComputedStyle(document.documentElement);
			const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
			state.current = {
				fg: v('--fg', LIGHT_THEME.fg),
				muted: v('--muted', LIGHT_THEME.muted),
				border: v('--border', LIGHT_THEME.border),
				surface: v('--surface', LIGHT_THEME.surface),
				accent: v('--accent', LIGHT_THEME.accent),
				target: v('--target', LIGHT_THEME.target),
				dark: css.colorScheme.includes('dark')
			};
		};
		read();
		const observer = new MutationObserver(read);
		observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
		const media = matchMedia('(prefers-color-scheme: dark)');
		media.addEventListener('change', read);
		return () => {
			observer.disconnect();
			media.removeEventListener('change', read);
		};
	});
	return state;
}
