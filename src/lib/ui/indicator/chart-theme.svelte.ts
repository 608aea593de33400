/**
 * Colours and type size for the indicator page's charts, read from the page's CSS
 * variables (light or dark theme) and the window width, and kept current when either
 * changes. ECharts' SVG renderer writes colours as attributes, where var(--…) does
 * not resolve, so the chart options get the resolved values.
 */
import { onMount } from 'svelte';
import { LIGHT_PALETTE, type ChartPalette } from '$lib/charts/trend-option';

const VARS: Record<keyof ChartPalette, string> = {
	fg: '--fg',
	muted: '--muted',
	border: '--border',
	surface: '--surface',
	accent: '--accent',
	target: '--target',
	ok: '--ok-fg'
};

function readPalette(): ChartPalette {
	const style = getComputedStyle(document.documentElement);
	const out = { ...LIGHT_PALETTE };
	for (const [k, v] of Object.entries(VARS) as [keyof ChartPalette, string][]) out[k] = style.getPropertyValue(v).trim() || out[k];
	return out;
}

/** Call at a component's top level. */
export function chartTheme(): { readonly palette: ChartPalette; readonly fontSize: number; readonly wide: boolean } {
	const state = $state({ palette: LIGHT_PALETTE, width: 1280 });
	onMount(() => {
		const update = () => {
			state.palette = readPalette();
			state.width = window.innerWidth;
		};
		update();
		const mo = new MutationObserver(update);
		mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
		const mq = matchMedia('(prefers-color-scheme: dark)');
		mq.addEventListener('change', update);
		window.addEventListener('resize', update);
		return () => {
			mo.disconnect();
			mq.removeEventListener('change', update);
			window.removeEventListener('resize', update);
		};
	});
	return {
		get palette() {
			return state.palette;
		},
		// Projector (1920 px) gets larger type than a laptop.
		get fontSize() {
			return state.width >= 1600 ? 19 : state.width >= 1100 ? 16 : 14;
		},
		get wide() {
			return state.width >= 1600;
		}
	};
}
