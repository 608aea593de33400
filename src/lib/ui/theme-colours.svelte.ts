/**
 * The theme's CSS colours as plain strings, for ECharts (whose SVG output cannot
 * use CSS variables). Re-read when the theme toggles or the system scheme changes.
 * Call at a component's top level.
 */
import { onMount } from 'svelte';

export function themeColours<K extends string>(
	vars: Record<K, string>,
	fallback?: Partial<Record<K, string>>
): { readonly current: Record<K, string>; readonly dark: boolean } {
	const read = () => {
		const style = typeof document === 'undefined' ? null : getComputedStyle(document.documentElement);
		const colours = Object.fromEntries(
			(Object.entries(vars) as [K, string][]).map(([k, v]) => [k, style?.getPropertyValue(v).trim() || fallback?.[k] || '#888888'])
		) as Record<K, string>;
		return { colours, dark: !!style?.colorScheme.includes('dark') };
	};
	let state = $state(read());
	onMount(() => {
		const update = () => (state = read());
		update();
		const observer = new MutationObserver(update);
		observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
		const media = matchMedia('(prefers-color-scheme: dark)');
		media.addEventListener('change', update);
		return () => {
			observer.disconnect();
			media.removeEventListener('change', update);
		};
	});
	return {
		get current() {
			return state.colours;
		},
		get dark() {
			return state.dark;
		}
	};
}
