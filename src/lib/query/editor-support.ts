/**
 * Editor extensions of the SQL console beyond what CodeMirror ships: the mark that
 * shows where DuckDB's error points. Undo/redo come from @codemirror/commands.
 */
import { StateEffect, StateField, type Extension, type Transaction } from '@codemirror/state';
import { Decoration, EditorView, keymap, type DecorationSet } from '@codemirror/view';
import { history as cmHistory, historyKeymap, defaultKeymap } from '@codemirror/commands';

export { undo, redo } from '@codemirror/commands';

/** Undo/redo history with the standard keys (Mod-z, Mod-y, Mod-Shift-z) and editing keys. */
export function history(): Extension {
	return [cmHistory(), keymap.of([...historyKeymap, ...defaultKeymap])];
}

// ---- error mark ------------------------------------------------------------------

export const setErrorMark = StateEffect.define<{ from: number; to: number } | null>();

const errorMarkField = StateField.define<DecorationSet>({
	create: () => Decoration.none,
	update(marks, tr: Transaction) {
		// Editing moves the mark with the text; a new run clears or replaces it.
		marks = marks.map(tr.changes);
		for (const e of tr.effects) {
			if (!e.is(setErrorMark)) continue;
			marks = e.value && e.value.to > e.value.from ? Decoration.set([errorMark.range(e.value.from, e.value.to)]) : Decoration.none;
		}
		return marks;
	},
	provide: (f) => EditorView.decorations.from(f)
});

const errorMark = Decoration.mark({ class: 'cm-sql-error', attributes: { 'data-testid': 'error-mark' } });

export function errorMarks(): Extension {
	return errorMarkField;
}
