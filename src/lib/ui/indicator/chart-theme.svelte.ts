/**
 * Colours and type size for the indicator page's charts, read from the page's CSS
 * variables (light or dark theme) and the window width, and kept current when either
 * changes. ECharts' SVG renderer writes colours as attributes, where var(--…) does
 * not resolve, so the chart options get the resolved values.
 */
import { onMount } from 'svelte';
import { LIGHT_PALETTE, type ChartPalette } from '$lib/charts/trend-option';
import { themeColours } from '../theme-colours.svelte';

/** Call at a component's top level. */
export function chartTheme(): { readonly palette: ChartPalette; readonly fontSize: number; readonly wide: boolean } {
	const colours = themeColours(
		{ fg: '--fg', muted: '--muted', border: '--border', surface: '--surface', accent: '--accent', target: '--target', ok: '--ok-fg' },
		LIGHT_PALETTE
	);
	let width = $state(1280);
	onMount(() => {
		const update = () => (width = window.innerWidth);
		update();
		window.addEventListener('resize', update);
		return () => window.removeEventListener('resize', update);
	});
	return {
		get palette() {
			return colours.current;
		},
		// Projector (1920 px) gets larger type than a laptop.
		get fontSize() {
			return width >= 1600 ? 19 : width >= 1100 ? 16 : 14;
		},
		get wide() {
			return width >= 1600;
		}
	};
}
