import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef } from 'react';
import type { ScenarioProblem } from '../../src-main/core/domain';

interface Props {
  /** The text to start from; a new value (another file) replaces the document. */
  initialText: string;
  readOnly: boolean;
  problems: ScenarioProblem[];
  onChange(text: string): void;
  onSave(): void;
  /** Set to { line } (a new object each time) to move the cursor there and show it. */
  jump: { line: number } | null;
}

/** Diagnostics at each problem's line and column, underlining to the end of that line. */
function diagnosticsFor(state: EditorState, problems: ScenarioProblem[]): Diagnostic[] {
  return problems.map((p) => {
    const line = state.doc.line(Math.min(Math.max(p.line, 1), state.doc.lines));
    const from = Math.min(line.from + Math.max(p.col - 1, 0), line.to);
    return { from, to: Math.max(line.to, from), severity: 'error', message: p.message };
  });
}

/**
 * The YAML editor (CodeMirror 6): line numbers, YAML highlighting, and core's problems shown
 * inline at their lines. Ctrl/Cmd+S saves.
 */
export function YamlEditor({ initialText, readOnly, problems, onChange, onSave, jump }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const editable = useRef(new Compartment());
  const callbacks = useRef({ onChange, onSave });
  callbacks.current = { onChange, onSave };

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (callbacks.current.onSave(), true) }]),
          basicSetup,
          yaml(),
          lintGutter(),
          editable.current.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          EditorView.updateListener.of((u) => u.docChanged && callbacks.current.onChange(u.state.doc.toString())),
          EditorView.contentAttributes.of({ 'aria-label': 'Scenario YAML', 'data-testid': 'yaml-editor' }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
    // The editor is created once per file (the parent keys it); later props are applied below.
  }, []);

  useEffect(() => {
    view.current?.dispatch({
      effects: editable.current.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
    });
  }, [readOnly]);

  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch(setDiagnostics(v.state, diagnosticsFor(v.state, problems)));
  }, [problems]);

  useEffect(() => {
    const v = view.current;
    if (!v || !jump) return;
    const line = v.state.doc.line(Math.min(Math.max(jump.line, 1), v.state.doc.lines));
    v.dispatch({ selection: { anchor: line.from }, effects: EditorView.scrollIntoView(line.from, { y: 'center' }) });
    v.focus();
  }, [jump]);

  return <div className="yaml-editor" ref={host} />;
}
