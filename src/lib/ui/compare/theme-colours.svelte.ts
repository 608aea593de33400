/**
 * The theme's CSS colours as plain strings, for ECharts (whose SVG output cannot
 * use CSS variables). Re-read when the theme toggles or the system scheme changes.
 */
import { onMount } from 'svelte';

export function themeColours<K extends string>(vars: Record<K, string>): { readonly current: Record<K, string> } {
	const read = (): Record<K, string> => {
		const style = typeof document === 'undefined' ? null : getComputedStyle(document.documentElement);
		return Object.fromEntries(
			Object.entries(vars).map(([k, v]) => [k, style?.getPropertyValue(v as string).trim() || '#888888'])
		) as Record<K, string>;
	};
	let current = $state(read());
	onMount(() => {
		current = read();
		const update = () => (current = read());
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
			return current;
		}
	};
}
