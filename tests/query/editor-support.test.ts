/** The console editor's history: CodeMirror's own, wired with the standard keys. */
import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { isolateHistory } from '@codemirror/commands';
import { history, redo, undo } from '../../src/lib/query/editor-support';

const target = (state: EditorState) => {
	const box = { state };
	return { box, view: { get state() { return box.state; }, dispatch: (tr: { state: EditorState }) => (box.state = tr.state) } };
};

describe('SQL editor history', () => {
	it('undoes and redoes separate edits in order', () => {
		let state = EditorState.create({ doc: '', extensions: [history()] });
		const edit = (insert: string) =>
			(state = state.update({ changes: { from: state.doc.length, insert }, annotations: isolateHistory.of('full'), userEvent: 'input.type' }).state);
		edit('SELECT 1');
		edit(' + 2');
		const t = target(state);
		const run = (cmd: typeof undo) => cmd({ state: t.box.state, dispatch: (tr) => (t.box.state = tr.state) });
		expect(run(undo)).toBe(true);
		expect(t.box.state.doc.toString()).toBe('SELECT 1');
		run(undo);
		expect(t.box.state.doc.toString()).toBe('');
		run(redo);
		expect(t.box.state.doc.toString()).toBe('SELECT 1');
		expect(run(redo)).toBe(true);
		expect(t.box.state.doc.toString()).toBe('SELECT 1 + 2');
		expect(run(redo)).toBe(false);
	});
});
